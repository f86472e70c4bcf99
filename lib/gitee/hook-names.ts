import type { EventKind } from './event';

/**
 * Gitee's wire spellings, in one table: `body.hook_name` and both `X-Gitee-Event` spellings
 * (`Push Hook` for real events, `push_hooks` for the Test ping and, since 2025, perhaps
 * real events too). Source: gitee-webhook-protocol.md §1.3.
 */
const WIRE_NAMES: ReadonlyArray<[EventKind, string, string]> = [
  ['push', 'push_hooks', 'Push Hook'],
  ['tag_push', 'tag_push_hooks', 'Tag Push Hook'],
  ['issue', 'issue_hooks', 'Issue Hook'],
  ['pull_request', 'merge_request_hooks', 'Merge Request Hook'],
  ['comment', 'note_hooks', 'Note Hook'],
];

const BY_NAME = new Map<string, EventKind>(
  WIRE_NAMES.flatMap(([kind, hookName, header]) => [
    [hookName, kind],
    [header, kind],
  ]),
);

/** The event kind for a `hook_name` or an `X-Gitee-Event` value in either spelling. */
export function eventKindOf(wireName: string | undefined): EventKind | undefined {
  return wireName === undefined ? undefined : BY_NAME.get(wireName.trim());
}
