import { createHash } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';
import { startRobotEmulator } from '../../../dev/dingtalk-robot';
import { startFeishuBot } from '../../../dev/fakes/feishu-bot';
import { startWecomRobot } from '../../../dev/fakes/wecom-robot';
import { createDeliveryQueues } from '../../../dev/queue/delivery-queues';
import { createEventSource } from '../../../dev/queue/event-source';
import { createInProcessQueues } from '../../../dev/queue/in-process-queues';
import { createSqsModel } from '../../../dev/queue/sqs-model';
import { createVirtualClock } from '../../../dev/queue/virtual-clock';
import { createDeliverHandler, type DeliverDeps } from '../../../lib/delivery/deliver-handler';
import { robotGroupId } from '../../../lib/delivery/group-id';
import type { DeliveryOutcome } from '../../../lib/delivery/outcome';
import type { PacingStore, QueueMessageBody } from '../../../lib/delivery/ports';
import { createJsonLogger } from '../../../lib/logger';
import type { MetricName } from '../../../lib/metrics/emf';
import { PLATFORMS } from '../../../lib/platforms';
import type { PlatformName } from '../../../lib/platforms/chat-platform';
import { createKeepAlivePost } from '../../../lib/send/direct';
import type { PostJson } from '../../../lib/send/send-one';
import { buildSettings } from '../../../lib/settings/build-settings';
import { createCachedSettingsSource } from '../../../lib/settings/create-cached-source';
import type { RobotSettings } from '../../../lib/settings/types';
import { createMemoryPacingStore } from '../../../lib/store/memory-pacing';
import { describeEvent } from '../../../lib/view/describe-event';
import { localeText } from '../../../lib/view/locales/locale-text';
import { parseFixture } from '../../helpers/parse-fixture';
import { createRecordingQueues, sqsEvent, sqsRecord, type RecordOptions } from './sqs-records';

/** What every emulator records of a request, as far as these tests read it. */
export interface ReceivedMessage {
  robot: string;
  msgtype: string;
  message: unknown;
  errcode: number | null;
  receivedAt: string;
}

export interface HarnessRobot {
  name: string;
  platform?: PlatformName;
  secret?: string;
  keywords?: string[];
  /** Another robot's name whose credential this one shares (one budget, one group). */
  sameCredentialAs?: string;
}

export const DEFAULT_ROBOTS: HarnessRobot[] = [
  { name: 'team', secret: 'SECtest-team-0123456789abcdef', keywords: ['Gitee'] },
];

/** A seeded generator (mulberry32), so jitter and nonces repeat from run to run. */
export function seededRandom(seed = 7): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The consumer wired as the deliver function is, on a virtual clock: the real handler, the
 * memory pacing store, a recording ConsumerQueues, settings built from SSM-shaped parameters
 * (mutable, to rotate a secret or remove a robot), and the robot emulators of dev/, which
 * check signatures, keywords and sizes and enforce each platform's rate.
 */
export async function startConsumer(
  options: {
    robots?: HarnessRobot[];
    /** Replaces the HTTP transport (a scripted robot); default the kept-alive one. */
    post?: (real: PostJson) => PostJson;
    store?: (memory: PacingStore) => PacingStore;
    deps?: Partial<DeliverDeps>;
    /** Runs the handler under the SQS model and an event source mapping (dev/queue). */
    sqs?: { failedVisibility?: 'as-set' | 'reset'; pollers?: number };
  } = {},
) {
  const robots = options.robots ?? DEFAULT_ROBOTS;
  const clock = createVirtualClock();
  const now = clock.now;
  const own = robots.filter((robot) => robot.sameCredentialAs === undefined);
  const on = (platform: PlatformName) => own.filter((r) => (r.platform ?? 'dingtalk') === platform);
  const dingtalk = await startRobotEmulator({
    now,
    robots: on('dingtalk').map((r) => ({ ...r, accessToken: `tokentest-${r.name}` })),
  });
  const feishu = await startFeishuBot({
    now,
    bots: on('feishu').map((r) => ({ ...r, token: `tokentest-${r.name}` })),
  });
  const wecom = await startWecomRobot({
    now,
    robots: on('wecom').map((r) => ({ name: r.name, key: `keytest-${r.name}` })),
  });
  const emulators = { dingtalk, feishu, wecom };
  const parameters = new Map<string, string>();
  for (const robot of robots) {
    const owner = robots.find((r) => r.name === (robot.sameCredentialAs ?? robot.name))!;
    const url = emulators[owner.platform ?? 'dingtalk'].url(owner.name);
    parameters.set(`robots/${robot.name}/webhook`, url);
    if (owner.secret) parameters.set(`robots/${robot.name}/secret`, owner.secret);
  }
  parameters.set('config', configFor(robots));
  const settings = createCachedSettingsSource({
    load: () => Promise.resolve(buildSettings(parameters)),
    now,
    ttlMs: 300_000,
    minRefreshIntervalMs: 0,
  });
  const memory = createMemoryPacingStore({ now });
  const store = options.store ? options.store(memory) : memory;
  const model = createSqsModel({ now });
  const urls = createDeliveryQueues(model, { stage: 'test' });
  const queues = createRecordingQueues(
    options.sqs ? createInProcessQueues(model, urls).consumer : undefined,
  );
  const outcomes: DeliveryOutcome[] = [];
  /** The same outcomes with the clock's time when each was reported. */
  const timed: Array<{ at: number; outcome: DeliveryOutcome }> = [];
  const logs: string[] = [];
  const metrics: Array<Partial<Record<MetricName, number>>> = [];
  const realPost = createKeepAlivePost();
  const handler = createDeliverHandler({
    settings,
    platforms: PLATFORMS,
    queues,
    store,
    post: options.post ? options.post(realPost) : realPost,
    now,
    sleep: clock.sleep,
    random: seededRandom(),
    logger: createJsonLogger((line) => logs.push(line)),
    metrics: (counts) => metrics.push(counts),
    observe: (outcome) => {
      outcomes.push(outcome);
      timed.push({ at: now(), outcome });
    },
    ...options.deps,
  });
  const source = createEventSource({
    model,
    queue: urls.delivery,
    handler,
    pollers: options.sqs?.pollers ?? 3,
    failedVisibility: options.sqs?.failedVisibility ?? 'as-set',
  });
  let keys = 0;
  const harness = {
    model,
    urls,
    source,
    /** Puts an event message on the delivery queue, as the webhook does. */
    async enqueue(body: QueueMessageBody): Promise<void> {
      model.sendMessage({
        QueueUrl: urls.delivery,
        MessageBody: JSON.stringify(body),
        MessageGroupId: await harness.group(body.robot),
        MessageDeduplicationId: body.key,
      });
    },
    /** Runs the event source until the queue is empty (or `limitMs` of clock time passed). */
    async drain(limitMs = 60 * 60_000): Promise<void> {
      const end = now() + limitMs;
      while (now() < end && model.peek(urls.delivery).length > 0) {
        await source.runUntil(Math.min(end, now() + 60_000), clock);
      }
    },
    clock,
    now,
    store,
    memory,
    queues,
    settings,
    parameters,
    handler,
    outcomes,
    timed,
    logs,
    metrics,
    dingtalk,
    feishu,
    wecom,
    async robot(name: string): Promise<RobotSettings> {
      const found = (await settings.get()).robots.find((robot) => robot.name === name);
      if (!found) throw new Error(`no robot ${name}`);
      return found;
    },
    async group(name: string): Promise<string> {
      return robotGroupId(await harness.robot(name));
    },
    /** A queue message body for a robot, describing a real fixture. */
    async body(
      robotName: string,
      fixture = 'tag_push-create',
      extra: Partial<QueueMessageBody> = {},
    ): Promise<QueueMessageBody> {
      const robot = await harness.robot(robotName);
      keys += 1;
      const view = describeEvent(parseFixture(fixture), {
        t: localeText(robot.locale),
        timezone: robot.timezone,
      });
      return {
        v: 1,
        robot: robotName,
        key: createHash('sha256').update(`event-${keys}`).digest('hex'),
        receivedAt: now(),
        event: { kind: view.subject.event, action: view.subject.action, repository: 'o/r' },
        view,
        ...extra,
      };
    },
    /** A record of an event message for its robot's group, sent just now. */
    async record(
      body: QueueMessageBody | string,
      options: Partial<RecordOptions> & { robot?: string } = {},
    ): Promise<SQSRecord> {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const name = options.robot ?? (typeof body === 'string' ? 'team' : body.robot);
      const groupId = options.groupId ?? (await harness.group(name));
      return sqsRecord(text, { sentTimestamp: now(), ...options, groupId });
    },
    /** A record of the flush token the consumer sent last (or of `entry`). */
    tokenRecord(
      options: Partial<RecordOptions> & { entry?: { groupId: string; body: string } } = {},
    ) {
      const entry = options.entry ?? queues.tokens().at(-1);
      if (!entry) throw new Error('no flush token was sent');
      return sqsRecord(entry.body, { sentTimestamp: now(), ...options, groupId: entry.groupId });
    },
    /**
     * Handles the last flush token again and again until it finishes, the clock waiting out
     * the visibility it sets each time (as SQS holds it back); answers the handlings. A
     * backlog's digests are spaced, so a token sends about one per handling.
     */
    async flushAll(maxHandlings = 100): Promise<number> {
      const entry = queues.tokens().at(-1);
      for (let handling = 1; handling <= maxHandlings; handling++) {
        const token = harness.tokenRecord({ entry });
        const answer = await handler(sqsEvent([token]));
        if (answer.batchItemFailures.length === 0) return handling;
        const set = queues.visibility.filter((v) => v.receiptHandle === token.receiptHandle);
        if (set.length === 0) throw new Error('the token stayed without a visibility');
        clock.advance(set.at(-1)!.seconds * 1000);
      }
      throw new Error(`the token did not finish in ${maxHandlings} handlings`);
    },
    /** Accepted messages a platform's emulator received, oldest first. */
    accepted(platform: PlatformName = 'dingtalk') {
      return harness.received(platform).filter((message) => message.errcode === 0);
    },
    /** Every request a platform's emulator received, accepted or not, oldest first. */
    received(platform: PlatformName = 'dingtalk'): ReceivedMessage[] {
      return platform === 'dingtalk'
        ? dingtalk.emulator.received
        : platform === 'feishu'
          ? feishu.emulator.messages
          : wecom.emulator.messages;
    },
    async close() {
      await Promise.all([dingtalk.close(), feishu.close(), wecom.close()]);
    },
  };
  return harness;
}

export type ConsumerHarness = Awaited<ReturnType<typeof startConsumer>>;

function configFor(robots: HarnessRobot[]): string {
  const lines = ['robots:'];
  for (const robot of robots) {
    lines.push(
      robot.platform === 'wecom'
        ? `  ${robot.name}: {}`
        : `  ${robot.name}:\n    keywords: ${JSON.stringify(robot.keywords ?? [])}`,
    );
  }
  return lines.join('\n');
}
