import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { createDeliveryQueues, type DeliveryQueueUrls } from '../../dev/queue/delivery-queues';
import {
  createEventSource,
  type EventSource,
  type InvocationReport,
} from '../../dev/queue/event-source';
import { startFakeSqs, type FakeSqs } from '../../dev/queue/fake-sqs-server';
import { createSqsModel, type SqsModel } from '../../dev/queue/sqs-model';
import { createVirtualClock, type VirtualClock } from '../../dev/queue/virtual-clock';
import { createSqsConsumerQueues, createSqsQueueSender } from '../../lib/aws/sqs-ports';
import { createDeliverHandler } from '../../lib/delivery/deliver-handler';
import type { DeliveryOutcome } from '../../lib/delivery/outcome';
import type { QueueSender } from '../../lib/delivery/ports';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { createJsonLogger } from '../../lib/logger';
import { PLATFORMS } from '../../lib/platforms';
import { createRelay } from '../../lib/relay';
import { createKeepAlivePost } from '../../lib/send/direct';
import { startDynalite, type Dynalite } from '../helpers/dynalite';
import { withBusyAnswers, withCallTime, withOutage, type Outage } from './outage';
import { startPlatforms, type SimRobot } from './platforms';
import { seededRandom } from './random';
import { serviceClients, SIM_REGION } from './service-clients';
import { settingsParameters, STAGE, STAGE_PATH } from './settings';

export interface WorldOptions {
  robots: SimRobot[];
  /** Webhook containers: each its own memory, all sharing the queue and the table. Default 1. */
  containers?: number;
  /** Event source pollers. Default 3. */
  pollers?: number;
  failedVisibility?: 'as-set' | 'reset';
  /** Wraps each container's queue sender (index 0 first), e.g. an old version's messages. */
  senderOf?: (container: number, sender: QueueSender) => QueueSender;
  /** This share of the consumer's DingTalk posts is answered -1 (busy), chosen by the seed. */
  busyShare?: number;
  seed?: number;
}

/**
 * The whole queued delivery on one virtual clock, wired as production wires it, with every
 * AWS service and platform replaced by a loopback fake: Gitee deliveries go to webhook
 * containers (createRelay in queue mode) that enqueue with the project's SQS JSON client on
 * the fake SQS and claim replays and bursts on dynalite; the event source emulator polls
 * the queue and invokes the real deliver handler, which paces on dynalite and posts to the
 * DingTalk, Feishu and WeCom emulators. Settings come from a fake SSM.
 */
export async function startWorld(options: WorldOptions) {
  const clock = createVirtualClock();
  const now = clock.now;
  const random = seededRandom(options.seed ?? 11);
  const model = createSqsModel({ now, region: SIM_REGION });
  const sqs = await startFakeSqs({ model });
  const urls: DeliveryQueueUrls = createDeliveryQueues(model, {
    stage: STAGE,
    endpoint: sqs.endpoint,
  });
  const dynalite = await startDynalite(`gitee-dingtalk-${STAGE}-delivery`);
  const platforms = await startPlatforms(options.robots, clock);
  const ssm = await startFakeSsm();
  for (const [name, value] of settingsParameters(options.robots, platforms)) {
    ssm.set(`${STAGE_PATH}/${name}`, value, name === 'config' ? 'String' : 'SecureString');
  }
  const outages = { sqs: { down: false } as Outage, consumerTable: { down: false } as Outage };
  const httpPost = createKeepAliveHttpPost();
  const { settingsSource, tableOf, sqsClient } = serviceClients({
    clock,
    post: httpPost,
    ssm: ssm.endpoint,
    sqs: { endpoint: sqs.endpoint, queueUrl: urls.delivery },
    dynalite,
  });

  const webhookLogs: string[] = [];
  const containers = Array.from({ length: options.containers ?? 1 }, (_, index) => {
    const table = tableOf();
    const sender = withCallTime(
      createSqsQueueSender(sqsClient(withOutage(httpPost, outages.sqs)), urls.delivery),
      clock,
      {
        okMs: 0,
        failedMs: 1000,
      },
    );
    return createRelay({
      settings: settingsSource(),
      now,
      logger: createJsonLogger((line) => webhookLogs.push(line)),
      version: 'simulation',
      delivery: {
        mode: 'queue',
        queue: options.senderOf?.(index, sender) ?? sender,
        store: table.store,
        replays: table.replays,
        bursts: table.bursts,
      },
    }).webhook;
  });

  const outcomes: DeliveryOutcome[] = [];
  const consumerLogs: string[] = [];
  const consumerPost = withOutage(httpPost, outages.consumerTable);
  const robotPost = withBusyAnswers(httpPost, platforms, options.busyShare ?? 0, random);
  const handler = createDeliverHandler({
    settings: settingsSource(),
    platforms: PLATFORMS,
    queues: createSqsConsumerQueues(sqsClient(), urls),
    store: tableOf(consumerPost).store,
    post: createKeepAlivePost(robotPost),
    now,
    sleep: clock.sleep,
    random,
    logger: createJsonLogger((line) => consumerLogs.push(line)),
    observe: (outcome) => outcomes.push(outcome),
  });
  const invocations: InvocationReport[] = [];
  const source: EventSource = createEventSource({
    model,
    queue: urls.delivery,
    handler,
    pollers: options.pollers ?? 3,
    failedVisibility: options.failedVisibility ?? 'as-set',
    onInvocation: (report) => invocations.push(report),
  });

  return {
    clock,
    model,
    sqs,
    urls,
    dynalite,
    ssm,
    platforms,
    outages,
    containers,
    handler,
    source,
    outcomes,
    invocations,
    webhookLogs,
    consumerLogs,
    /** Runs the deliver side until the clock reads `time`. */
    runUntil: (time: number) => source.runUntil(time, clock),
    /** Runs until the delivery queue is empty, or `limitMs` of clock time has passed. */
    async drain(limitMs = 2 * 60 * 60_000) {
      const end = now() + limitMs;
      while (now() < end && model.peek(urls.delivery).length > 0) {
        await source.runUntil(Math.min(end, now() + 60_000), clock);
      }
    },
    async close() {
      await Promise.all([sqs.close(), dynalite.close(), platforms.close(), ssm.close()]);
    },
  };
}

export type World = Awaited<ReturnType<typeof startWorld>>;
export type { FakeSqs, FakeSsm, Dynalite, SqsModel, VirtualClock };
