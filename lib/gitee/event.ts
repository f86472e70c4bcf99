import type {
  GiteeIssuePayload,
  GiteeNotePayload,
  GiteePullRequestPayload,
  GiteePushPayload,
} from './payloads';

/** The product's names for the five Gitee hook kinds. */
export type EventKind = 'push' | 'tag_push' | 'issue' | 'pull_request' | 'comment';

/** Where the event happened, resolved once at the edge (from `repository`, else from `hook_url`). */
export interface RepositoryRef {
  /** "namespace/name", e.g. "kit101/drone-yml-test". */
  path: string;
  /** Display name ("Open Source China/Gitee" style), falls back to `path`. */
  name: string;
  /** https://gitee.com/namespace/name (or the enterprise host). */
  url: string;
}

interface EventBase {
  repository: RepositoryRef;
  /**
   * The product's action name: push → push | create | delete; tag_push → create | delete;
   * issue, pull_request, comment → Gitee's `action` (open, close, merge, update, assign,
   * state_change, delete, comment, …), or "unknown" when Gitee sent none.
   */
  action: string;
  /** Gitee's hook id and trigger timestamp, for logs and duplicate suppression. */
  hookId: number | null;
  timestamp: string;
}

export type GiteeEvent =
  | (EventBase & { kind: 'push'; payload: GiteePushPayload })
  | (EventBase & { kind: 'tag_push'; payload: GiteePushPayload })
  | (EventBase & { kind: 'issue'; payload: GiteeIssuePayload })
  | (EventBase & { kind: 'pull_request'; payload: GiteePullRequestPayload })
  | (EventBase & { kind: 'comment'; payload: GiteeNotePayload });

/** Gitee's Test button: canned push data, we only trust the hook's own envelope. */
export interface GiteePing {
  kind: 'ping';
  /** The repository the hook belongs to, from `hook_url`. */
  repository: RepositoryRef;
  hookId: number | null;
  timestamp: string;
}

export type ParsedDelivery = GiteeEvent | GiteePing;

/** Compile-time exhaustiveness check for switches over a union. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
