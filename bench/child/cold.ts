/**
 * One cold start, as Lambda does it for a CommonJS handler: require the bundle, then hand it
 * the first event. Timed inside this fresh process, from just before require() to the answer.
 * Nothing else is loaded first, so the bundle pays for every module it needs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Answer, ColdJob, ColdResult } from './protocol';

type Handler = (event: unknown, context: unknown) => Promise<Answer>;

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ColdJob;
  const loadStartEpochMs = performance.timeOrigin + performance.now();
  const loadStartMs = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as the Lambda runtime loads a CJS handler
  const { handler } = require(job.bundle) as { handler: Handler };
  const requireMs = performance.now() - loadStartMs;
  const answer = await handler(job.event, lambdaContext());
  const coldStartMs = performance.now() - loadStartMs;
  const result: ColdResult = {
    loadStartMs,
    requireMs,
    coldStartMs,
    loadStartEpochMs,
    answer: { statusCode: answer.statusCode, body: answer.body },
    response: answer,
    maxRssKb: process.resourceUsage().maxRSS,
  };
  writeFileSync(job.resultPath, JSON.stringify(result));
}

function lambdaContext() {
  return {
    awsRequestId: 'bench-cold',
    functionName: 'gitee-dingtalk-bench-webhook',
    getRemainingTimeInMillis: () => 10_000,
  };
}

main().then(
  // Keep-alive sockets would hold the process open; a frozen Lambda does not wait for them.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
