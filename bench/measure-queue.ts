import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Artifacts } from './artifacts';
import type { ColdJob } from './child/protocol';
import type { BenchFakes } from './fakes';
import { signedPushEvent } from './gitee-event';
import {
  measureColdSeries,
  measureWarmSubjects,
  webhookSubject,
  type ColdSeries,
  type ColdSubject,
  type WarmSeries,
  type WarmSizes,
} from './measure';
import type { QueueFakes } from './queue-fakes';
import { GITEE_SECRET, readPushBody } from './scenario';

export type WebhookColdName = 'project' | 'reference' | 'queue';
export type ConsumerColdName = 'deliver' | 'referenceConsumer';
export type QueueWarmName = 'queue' | 'queueFloor';

/** The queue-mode webhook: the same packaged bundle, answered 202 queued with the message sent. */
function queueWebhookSubject(artifacts: Artifacts, queue: QueueFakes): ColdSubject {
  const body = readPushBody();
  let sendsBefore = 0;
  const sends = () => queue.sqs.calls.filter((c) => c.action === 'SendMessageBatch').length;
  return {
    bundle: artifacts.webhookBundle,
    env: queue.env('webhook'),
    event: () => {
      sendsBefore = sends();
      return signedPushEvent(body, GITEE_SECRET, Date.now());
    },
    check: ({ answer }) => {
      const status = (JSON.parse(answer.body) as { status?: string }).status;
      if (answer.statusCode !== 202 || status !== 'queued') {
        throw new Error(`queue-mode webhook answered ${answer.statusCode}: ${answer.body}`);
      }
      if (sends() === sendsBefore) throw new Error('queue-mode webhook sent nothing to SQS');
      queue.noteQueued();
    },
  };
}

/**
 * Cold starts of the direct-mode webhook, the reference relay and the queue-mode webhook,
 * interleaved in one series so the queue-to-direct ratio shares the machine's noise.
 */
export function measureWebhookColdStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  queue: QueueFakes,
  runs: number,
): Promise<Record<WebhookColdName, ColdSeries>> {
  return measureColdSeries(
    artifacts,
    fakes,
    {
      project: webhookSubject('project', artifacts.webhookBundle),
      reference: webhookSubject('reference', artifacts.referenceBundle),
      queue: queueWebhookSubject(artifacts, queue),
    },
    runs,
  );
}

/** A message the queue-mode webhook put on the queue for this robot, to deliver again. */
export function queuedMessageFor(queue: QueueFakes, robot: string) {
  const found = queue.queued.get(robot);
  if (!found) throw new Error(`no queued message for ${robot}: run the queue-mode webhook first`);
  return found;
}

/**
 * A consumer handed one fresh record of that message: it must report no failure and the robot
 * must have accepted one more message. The pacing items are forgotten first, so every run
 * takes a slot instead of finding the budget spent by the runs before it.
 */
function consumerSubject(
  name: string,
  bundle: string,
  fakes: BenchFakes,
  queue: QueueFakes,
  message: { body: string; groupId: string },
): ColdSubject {
  let acceptedBefore = 0;
  const accepted = () => fakes.robots.received.filter((r) => r.errcode === 0).length;
  return {
    bundle,
    env: queue.env('deliver'),
    event: async () => {
      await queue.forget([
        { pk: message.groupId, sk: 'pace' },
        { pk: 'ref#team', sk: 'pace' },
      ]);
      acceptedBefore = accepted();
      return queue.receiveAsEvent(message.body, message.groupId);
    },
    check: ({ response }) => {
      const failures = (response as SQSBatchResponse | undefined)?.batchItemFailures;
      if (!Array.isArray(failures) || failures.length > 0) {
        throw new Error(`${name} answered ${JSON.stringify(response)}`);
      }
      if (accepted() !== acceptedBefore + 1) throw new Error(`${name} sent no message`);
    },
    after: (event: ColdJob['event']) => queue.settle(event as SQSEvent),
  };
}

/** Cold starts of the deliver function and the reference consumer, interleaved. */
export function measureConsumerColdStarts(
  artifacts: Artifacts,
  fakes: BenchFakes,
  queue: QueueFakes,
  runs: number,
): Promise<Record<ConsumerColdName, ColdSeries>> {
  const message = queuedMessageFor(queue, 'team');
  return measureColdSeries(
    artifacts,
    fakes,
    {
      deliver: consumerSubject('deliver', artifacts.deliverBundle, fakes, queue, message),
      referenceConsumer: consumerSubject(
        'referenceConsumer',
        artifacts.referenceConsumerBundle,
        fakes,
        queue,
        message,
      ),
    },
    runs,
  );
}

/** Warm runs of the queue-mode webhook and the queue floor (parse, HMAC, one SendMessage). */
export function measureQueueWarm(
  artifacts: Artifacts,
  fakes: BenchFakes,
  queue: QueueFakes,
  sizes: WarmSizes,
): Promise<Record<QueueWarmName, WarmSeries>> {
  return measureWarmSubjects(
    artifacts,
    fakes,
    {
      queue: {
        subject: { kind: 'bundle', bundle: artifacts.webhookBundle },
        env: queue.env('webhook'),
        expectStatus: 202,
      },
      queueFloor: {
        subject: { kind: 'queue-floor', target: queue.floorTarget() },
        expectStatus: 202,
      },
    },
    sizes,
  );
}
