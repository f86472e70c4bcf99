/**
 * Warm latency and throughput in one process, as a warm Lambda container sees it: load the
 * subject, warm it up, then (after the parent says go, so it can count SSM calls) time
 * sequential invocations one by one and a batch with `concurrency` in flight.
 */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createFloorHandler } from '../floor';
import { createQueueFloorHandler } from '../queue-floor';
import { signedPushEvent } from '../gitee-event';
import type { Answer, WarmJob, WarmResult } from './protocol';

type Handler = (event: APIGatewayProxyEventV2, context: unknown) => Promise<Answer>;

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as WarmJob;
const context = { awsRequestId: 'bench-warm', getRemainingTimeInMillis: () => 10_000 };

function loadHandler(): Handler {
  const { subject } = job;
  if (subject.kind === 'floor') return createFloorHandler(subject.robots, job.giteeSecret);
  if (subject.kind === 'queue-floor')
    return createQueueFloorHandler(subject.target, job.giteeSecret);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the Lambda runtime loads a CJS handler
  return (require(subject.bundle) as { handler: Handler }).handler;
}

function events(count: number, first: number): APIGatewayProxyEventV2[] {
  return Array.from({ length: count }, (_, i) =>
    signedPushEvent(job.body, job.giteeSecret, first + i),
  );
}

const outcome = { failures: 0, firstFailure: null as Answer | null };
function check(answer: Answer): void {
  if (answer.statusCode === (job.expectStatus ?? 200)) return;
  outcome.failures += 1;
  outcome.firstFailure ??= { statusCode: answer.statusCode, body: answer.body };
}

async function runSequential(handler: Handler, batch: APIGatewayProxyEventV2[]) {
  const latencies: number[] = [];
  const started = performance.now();
  for (const event of batch) {
    const t = performance.now();
    check(await handler(event, context));
    latencies.push(performance.now() - t);
  }
  return { latencies, elapsedMs: performance.now() - started };
}

async function runConcurrent(handler: Handler, batch: APIGatewayProxyEventV2[]): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < batch.length) check(await handler(batch[next++]!, context));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return performance.now() - started;
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ type: 'ready' });
  });
}

async function main(): Promise<void> {
  const handler = loadHandler();
  let timestamp = job.firstTimestamp;
  const warmup = events(job.warmup, timestamp);
  const sequential = events(job.sequential, (timestamp += job.warmup));
  const concurrent = events(job.concurrent, (timestamp += job.sequential));
  await runSequential(handler, warmup);
  await waitForGo();
  const { latencies, elapsedMs } = await runSequential(handler, sequential);
  const concurrentElapsedMs = await runConcurrent(handler, concurrent);
  const result: WarmResult = {
    type: 'result',
    latencies,
    sequentialElapsedMs: elapsedMs,
    concurrentElapsedMs,
    ...outcome,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  process.send?.(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
