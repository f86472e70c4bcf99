import type { Gitee } from './gitee';
import type { World } from './world';

/** One Gitee delivery the simulation made and what the webhook answered. */
export interface SentDelivery {
  token: string;
  at: number;
  status: number;
  /** The robots the answer said the event was queued for. */
  queuedFor: string[];
  answer: Record<string, unknown>;
}

/** What was sent: the truth the group's messages are checked against. */
export interface Ledger {
  deliveries: SentDelivery[];
  /** Robot → token → when its first queued delivery arrived (the events each group must get once). */
  expected(): Map<string, Map<string, number>>;
}

export function createLedger(): Ledger {
  const deliveries: SentDelivery[] = [];
  return {
    deliveries,
    expected() {
      const expected = new Map<string, Map<string, number>>();
      for (const delivery of deliveries) {
        for (const robot of delivery.queuedFor) {
          const tokens = expected.get(robot) ?? new Map<string, number>();
          if (!tokens.has(delivery.token)) tokens.set(delivery.token, delivery.at);
          expected.set(robot, tokens);
        }
      }
      return expected;
    },
  };
}

/** Sends one delivery to a webhook container now and writes the answer in the ledger. */
export async function deliver(
  world: World,
  ledger: Ledger,
  event: {
    token: string;
    body: Record<string, unknown>;
    container?: number;
    signed?: ReturnType<Gitee['sign']>;
  },
  gitee: Gitee,
): Promise<SentDelivery> {
  const at = world.clock.now();
  const container = world.containers[event.container ?? 0];
  if (container === undefined) throw new Error(`no container ${event.container}`);
  const response = await container(event.signed ?? gitee.sign(event.body));
  const answer = JSON.parse(response.body) as Record<string, unknown>;
  const deliveries = Array.isArray(answer.deliveries)
    ? (answer.deliveries as Array<Record<string, unknown>>)
    : [];
  const sent: SentDelivery = {
    token: event.token,
    at,
    status: response.statusCode,
    queuedFor: deliveries.filter((d) => d.queued === true).map((d) => String(d.robot)),
    answer,
  };
  ledger.deliveries.push(sent);
  return sent;
}
