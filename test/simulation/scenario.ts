import { createGitee, type Gitee } from './gitee';
import { checkGroups, type Findings } from './invariants';
import { createLedger, deliver, type Ledger, type SentDelivery } from './ledger';
import { TEAM_ROBOT, type SimRobot } from './platforms';
import { startWorld, type World, type WorldOptions } from './world';

export const TEAM: SimRobot = TEAM_ROBOT;

/** A running simulation: the world, Gitee's side and the ledger of what was sent. */
export interface Sim {
  world: World;
  gitee: Gitee;
  ledger: Ledger;
  /** A new tag push to a webhook container (default the first), now. */
  tag(options?: { container?: number }): Promise<SentDelivery>;
  /** Sends `count` new tag pushes at once (one after another on a still clock). */
  burst(count: number): Promise<SentDelivery[]>;
  /** Runs the deliver side until everything queued is settled. */
  drain(): Promise<void>;
  findings(): Findings;
}

export async function withSim(
  options: WorldOptions,
  run: (sim: Sim) => Promise<void>,
): Promise<void> {
  const world = await startWorld(options);
  const gitee = createGitee(world.clock);
  const ledger = createLedger();
  const sim: Sim = {
    world,
    gitee,
    ledger,
    tag(tagOptions = {}) {
      const token = gitee.nextToken();
      return deliver(
        world,
        ledger,
        { token, body: gitee.tagPush(token), container: tagOptions.container },
        gitee,
      );
    },
    async burst(count) {
      const sent: SentDelivery[] = [];
      for (let i = 0; i < count; i += 1) sent.push(await sim.tag());
      return sent;
    },
    drain: () => world.drain(),
    findings: () => checkGroups(ledger, world.platforms.messages()),
  };
  try {
    await run(sim);
  } finally {
    await world.close();
  }
}

/**
 * Issue 11's four assertions, on every scenario, once everything queued is settled: every
 * queued event in its group exactly once (nothing else there), no robot over its budget in
 * any window, no rate-limit answer beyond the `learned` ones, and then, in a quiet moment,
 * a lone event that reaches its group with no added delay.
 */
export async function expectInvariants(
  sim: Sim,
  options: { learned?: number } = {},
): Promise<Findings> {
  await sim.drain();
  const settled = sim.findings();
  expect(settled.missing).toEqual([]);
  expect(settled.duplicated).toEqual([]);
  expect(settled.unexpected).toEqual([]);
  expect(settled.overBudget).toEqual([]);
  expect(settled.rateLimited).toBe(options.learned ?? 0);
  expect(sim.world.model.peek(sim.world.urls.delivery)).toEqual([]);
  expect(leakedSecrets(sim)).toEqual([]);
  await expectLoneEventAtOnce(sim);
  return settled;
}

/** After a minute of quiet, one event to the first robot reaches its group in the same instant. */
export async function expectLoneEventAtOnce(sim: Sim): Promise<void> {
  sim.world.clock.advance(61_000);
  const lone = await sim.tag();
  expect(lone.status).toBe(202);
  await sim.world.source.step();
  const reached = sim.world.platforms
    .messages()
    .filter((m) => m.errcode === 0 && JSON.stringify(m.message).includes(lone.token));
  expect(reached.map((m) => m.at - lone.at)).toEqual(lone.queuedFor.map(() => 0));
}

/** Every secret of the simulation: robot secrets, access tokens, keys, Gitee's secret. */
const SECRET = /SECtest-[\w-]+|tokentest-[\w-]+|keytest-[\w-]+|gitee-simulation-secret-\w+/g;

/**
 * Secrets found where none may be: the functions' logs, the webhook's answers and every
 * message that went through SQS (bodies and attributes, queue and DLQ).
 */
export function leakedSecrets(sim: Sim): string[] {
  const places = [
    ...sim.world.webhookLogs,
    ...sim.world.consumerLogs,
    ...sim.ledger.deliveries.map((delivery) => JSON.stringify(delivery.answer)),
    ...sim.world.sqs.calls.map((call) => JSON.stringify(call.input)),
  ];
  return [...new Set(places.flatMap((text) => text.match(SECRET) ?? []))];
}
