import { createHash } from 'node:crypto';
import { assertNever, type ParsedDelivery } from '../gitee/event';

/**
 * The MessageDeduplicationId of one event for one robot (issue 11, "Queue message"): sha256 hex
 * of the robot's name, a line break, and the event's identity. SQS drops a message whose id it
 * saw in the last 5 minutes, so Gitee's own repeat of an event (a re-delivery, a second hook on
 * the same repository) reaches each robot once, while two robots always get their own copy.
 *
 * The identity names the parts issue 11 lists per kind:
 * - push, tag_push: repository, ref, before, after;
 * - issue: repository, issue id, action, updated_at (and the assignee's id for an assignment);
 * - pull_request: repository, PR id, action, updated_at, head sha;
 * - comment: repository, comment id, action;
 * - ping: X-Gitee-Timestamp (its body is canned: without it a second click would be dropped).
 * A part Gitee did not send is written as empty; if the parts that tell two events apart are
 * all missing, Gitee's trigger timestamp is added, so two different events are never merged
 * into one id (a repeat then gets through twice, which loses nothing).
 */
export function deduplicationId(
  robot: string,
  delivery: ParsedDelivery,
  giteeTimestamp: string | undefined,
): string {
  return createHash('sha256')
    .update(`${robot}\n${eventIdentity(delivery, giteeTimestamp)}`, 'utf8')
    .digest('hex');
}

/** The kind, the repository and the kind's own parts, one per line. */
export function eventIdentity(
  delivery: ParsedDelivery,
  giteeTimestamp: string | undefined,
): string {
  const repo = delivery.repository.path;
  if (delivery.kind === 'ping') return lines('ping', repo, giteeTimestamp ?? delivery.timestamp);
  const { parts, distinct } = partsOf(delivery);
  const identity = lines(delivery.kind, repo, ...parts);
  return distinct ? identity : lines(identity, `at ${delivery.timestamp}`);
}

type Part = string | number | null | undefined;

/** The kind's parts, and whether they tell two events of the kind apart. */
function partsOf(delivery: Exclude<ParsedDelivery, { kind: 'ping' }>): {
  parts: Part[];
  distinct: boolean;
} {
  switch (delivery.kind) {
    case 'push':
    case 'tag_push': {
      const { ref, before, after } = delivery.payload;
      return { parts: [ref, before, after], distinct: Boolean(after || before) };
    }
    case 'issue': {
      const { issue, assignee } = delivery.payload;
      const assigned = delivery.action === 'assign' ? (assignee ?? issue.assignee)?.id : undefined;
      const parts = [issue.id, delivery.action, issue.updated_at, assigned];
      return { parts, distinct: Boolean(issue.updated_at) };
    }
    case 'pull_request': {
      const pr = delivery.payload.pull_request;
      const parts = [pr.id, delivery.action, pr.updated_at, pr.head?.sha];
      // The head sha alone does not tell a label change from the next one.
      return { parts, distinct: Boolean(pr.updated_at) };
    }
    case 'comment': {
      const id = delivery.payload.comment.id;
      return { parts: [id, delivery.action], distinct: id !== undefined };
    }
    default:
      return assertNever(delivery);
  }
}

function lines(...parts: Part[]): string {
  return parts.map((part) => (part === null || part === undefined ? '' : String(part))).join('\n');
}
