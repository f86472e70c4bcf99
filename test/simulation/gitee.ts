import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { VirtualClock } from '../../dev/queue/virtual-clock';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET } from './settings';

/**
 * Gitee's side of the simulation: real payloads made distinct by a token (`sim000042`) that
 * every rendering of the event shows (a tag name, a PR title), signed the way gitee.com signs
 * them with a timestamp from the clock. One signature is one delivery, so no two deliveries
 * share a timestamp, as no two real ones share a signature.
 */
export function createGitee(clock: VirtualClock) {
  let last = 0;
  const nextTimestamp = () => {
    last = Math.max(clock.now(), last + 1);
    return last;
  };
  const tagFixture = loadFixture('tag_push-create');
  const prFixture = loadFixture('merge_request-open');
  let issued = 0;
  return {
    /** A token never handed out before: what identifies one event in a group's messages. */
    nextToken: () => `sim${String((issued += 1)).padStart(6, '0')}`,
    /** A new tag pushed: its name is the token; ref and after-sha differ per token. */
    tagPush(token: string): Record<string, unknown> {
      const after = createHash('sha1').update(token).digest('hex');
      return { ...tagFixture, ref: `refs/tags/${token}`, after };
    },
    /**
     * One of the hooks Gitee fires when a PR is created with a tester and an assignee: the
     * same `open` event with action_desc open, test or assign; the title carries the token.
     */
    prOpened(token: string, actionDesc: 'open' | 'test' | 'assign'): Record<string, unknown> {
      const pr = prFixture.pull_request as Record<string, unknown>;
      const number = 1000 + Number(token.replace(/\D/g, ''));
      // Each hook of the burst follows a change to the PR, so each has its own updated_at:
      // SQS's deduplication cannot merge them, only the burst claim can.
      const second = { open: '00', test: '01', assign: '02' }[actionDesc];
      return {
        ...prFixture,
        action_desc: actionDesc,
        number,
        title: token,
        pull_request: {
          ...pr,
          number,
          id: 5_000_000 + number,
          title: token,
          updated_at: `2025-01-06T17:00:${second}+08:00`,
        },
      };
    },
    /** The delivery as API Gateway hands it to the webhook, signed now (or at `timestamp`). */
    sign(body: Record<string, unknown>, timestamp = nextTimestamp()): APIGatewayProxyEventV2 {
      return signedGiteeEvent({ body, secret: GITEE_SECRET, timestamp });
    },
  };
}

export type Gitee = ReturnType<typeof createGitee>;
