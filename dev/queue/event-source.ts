/**
 * An emulator of Lambda's SQS event source mapping, over the SQS model in-process:
 * N pollers each receive up to `batchSize` (≤ 10) messages with every attribute, hand them
 * to the function as a Lambda-shaped SQSEvent, then delete only the records the function
 * did not report in batchItemFailures (ReportBatchItemFailures); a throw deletes nothing.
 * See event-source-invoke.ts for the failed-visibility behaviours it can model.
 *
 * Assumptions: pollers do not scale with the backlog (a fixed N); no batching window (FIFO
 * has none); the function's own concurrency is N; an invocation takes no time on the clock
 * unless the function sleeps on it (`runUntil` adds `invocationMs` per busy round).
 *
 * Two ways to run it: on a virtual clock, `step()` (one round: every poller receives, one
 * after another, then all invocations run together) and `runUntil(time)`; or in real time,
 * `start()`/`stop()` (for `npm start`'s embedded queue), each poller looping on its own.
 */
import type { SQSRecord } from 'aws-lambda';
import { toLambdaRecord } from './event-source-record';
import { invokeAndSettle, type InvocationReport, type SqsHandler } from './event-source-invoke';
import type { SqsModel } from './sqs-model';
import type { VirtualClock } from './virtual-clock';

export type { InvocationReport, SqsHandler } from './event-source-invoke';

export interface EventSourceOptions {
  model: SqsModel;
  /** The queue's URL or name. */
  queue: string;
  handler: SqsHandler;
  /** Default 3. */
  pollers?: number;
  /** Default 10 (the FIFO maximum). */
  batchSize?: number;
  /** Default 'as-set'. */
  failedVisibility?: 'as-set' | 'reset';
  /** Called with each invocation's report (the failures, the deletes, a throw). */
  onInvocation?: (report: InvocationReport) => void;
}

export interface EventSource {
  /** One round on the current clock; answers the reports of the invocations it made. */
  step(): Promise<InvocationReport[]>;
  /**
   * Rounds until the clock reaches `time`: after a busy round the clock moves on by
   * `invocationMs` (default 200); when nothing is receivable it jumps to the next message
   * becoming visible, or to `time`.
   */
  runUntil(time: number, clock: VirtualClock, invocationMs?: number): Promise<void>;
  /** Real-time polling until stop(); errors of the function go to `onInvocation`. */
  start(): void;
  stop(): Promise<void>;
}

export function createEventSource(options: EventSourceOptions): EventSource {
  const { model, handler } = options;
  const pollers = options.pollers ?? 3;
  const batchSize = options.batchSize ?? 10;
  if (!(batchSize >= 1 && batchSize <= 10)) throw new Error('batchSize must be 1 to 10');
  const queueUrl = options.queue;
  const queue = { arn: model.queueArn(queueUrl), region: model.region };
  const visibilityTimeout = () =>
    Number(
      model.getQueueAttributes({ QueueUrl: queueUrl, AttributeNames: ['VisibilityTimeout'] })
        .Attributes.VisibilityTimeout,
    );
  const receive = (): SQSRecord[] =>
    model
      .receiveMessage({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: batchSize,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      })
      .Messages.map((message) => toLambdaRecord(message, queue));
  const invoke = async (poller: number, at: number, records: SQSRecord[]) => {
    const report = await invokeAndSettle(
      handler,
      { poller, at, records },
      {
        model,
        queueUrl,
        failedVisibility: options.failedVisibility ?? 'as-set',
        visibilityTimeout: visibilityTimeout(),
      },
    );
    options.onInvocation?.(report);
    return report;
  };

  const step = async (): Promise<InvocationReport[]> => {
    const at = model.now();
    const batches: Array<{ poller: number; records: SQSRecord[] }> = [];
    for (let poller = 0; poller < pollers; poller += 1) {
      const records = receive();
      if (records.length > 0) batches.push({ poller, records });
    }
    return Promise.all(batches.map((batch) => invoke(batch.poller, at, batch.records)));
  };

  let running: Promise<void>[] = [];
  let stopping = false;
  const wakers = new Set<() => void>();
  const idle = () =>
    new Promise<void>((resolve) => {
      const next = model.nextVisibleAt();
      const waitMs = Math.min(1_000, next === null ? 1_000 : Math.max(10, next - model.now()));
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      const unsubscribe = model.onChange(done);
      wakers.add(done);
    });
  const loop = async (poller: number) => {
    while (!stopping) {
      let records: SQSRecord[] = [];
      try {
        records = receive();
      } catch (error) {
        // The queue is gone (a test tore it down) or refused: wait and try again.
        console.error('event source receive failed', error);
      }
      if (records.length === 0) await idle();
      else await invoke(poller, model.now(), records);
    }
  };

  return {
    step,
    async runUntil(time, clock, invocationMs = 200) {
      while (clock.now() < time) {
        const reports = await step();
        if (reports.length > 0) {
          clock.advanceTo(Math.min(time, clock.now() + invocationMs));
          continue;
        }
        const next = model.nextVisibleAt();
        clock.advanceTo(next === null ? time : Math.min(time, Math.max(next, clock.now() + 1)));
      }
    },
    start() {
      if (running.length > 0) return;
      stopping = false;
      running = Array.from({ length: pollers }, (_, poller) => loop(poller));
    },
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(running);
      running = [];
    },
  };
}
