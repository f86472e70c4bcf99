import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { robotGroupId } from '../../lib/delivery/group-id';
import type { PacingStore, QueueMessageBody } from '../../lib/delivery/ports';
import type { MetricName } from '../../lib/metrics/emf';
import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import type { ReplayStore } from '../../lib/routing/replay-store';
import { createMemoryPacingStore } from '../../lib/store/memory-pacing';
import type { WebhookLimits } from '../../lib/webhook-handler';
import { startRelay, type TestRobot } from '../helpers/relay-harness';
import { createFakeQueue } from './queue-fakes';

/** What a queue-mode container shares with the others: the queue and the table. */
export interface SharedParts {
  queue: ReturnType<typeof createFakeQueue>;
  store: PacingStore;
  replays: ReplayStore;
  bursts: ReplayStore;
}

export function sharedParts(now: () => number = Date.now): SharedParts {
  return {
    queue: createFakeQueue(),
    store: createMemoryPacingStore({ now }),
    replays: createMemoryReplayStore({ now }),
    bursts: createMemoryReplayStore({ now }),
  };
}

/**
 * The relay in queue mode as production wires it (createRelay), against the loopback robot
 * emulators and fake SSM of startRelay, a fake SQS and the in-memory table. Containers that
 * pass the same `shared` parts see one queue and one table, as Lambda containers do.
 */
export async function startQueueRelay(
  options: { robots?: TestRobot[]; limits?: Partial<WebhookLimits>; shared?: SharedParts } = {},
) {
  const shared = options.shared ?? sharedParts();
  const metrics: Array<Partial<Record<MetricName, number>>> = [];
  const relay = await startRelay({
    robots: options.robots,
    limits: options.limits,
    metrics: (counts) => metrics.push(counts),
    delivery: {
      mode: 'queue',
      queue: shared.queue.sender,
      store: shared.store,
      replays: shared.replays,
      bursts: shared.bursts,
    },
  });
  return {
    ...relay,
    ...shared,
    metrics,
    /** Every message SQS holds, body parsed, with its group and deduplication id. */
    queued() {
      return [...shared.queue.messages.values()].map((entry) => ({
        groupId: entry.groupId,
        deduplicationId: entry.deduplicationId,
        body: JSON.parse(entry.body) as QueueMessageBody,
      }));
    },
    /** The robot's pacing item group, from the settings the relay reads. */
    async groupOf(name: string) {
      const robot = (await relay.settings.get()).robots.find((one) => one.name === name)!;
      return robotGroupId(robot);
    },
    async answer(event: APIGatewayProxyEventV2) {
      const answer = await relay.handler(event);
      return {
        status: answer.statusCode,
        body: JSON.parse(answer.body) as Record<string, unknown>,
      };
    },
  };
}

export type QueueRelay = Awaited<ReturnType<typeof startQueueRelay>>;

export function enqueueFailures(relay: QueueRelay): number {
  return relay.metrics.reduce((sum, counts) => sum + (counts.EnqueueFailed ?? 0), 0);
}
