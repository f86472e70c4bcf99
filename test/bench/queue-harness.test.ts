import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, prepareArtifacts, type Artifacts } from '../../bench/artifacts';
import { startBenchFakes, type BenchFakes } from '../../bench/fakes';
import { measureWarm } from '../../bench/measure';
import {
  measureConsumerColdStarts,
  measureQueueWarm,
  measureWebhookColdStarts,
  queuedMessageFor,
} from '../../bench/measure-queue';
import { startQueueFakes, type QueueFakes } from '../../bench/queue-fakes';
import { buildQueueResults, withQueueResults } from '../../bench/queue-results';
import { buildResults } from '../../bench/results';
import { formatTable } from '../../bench/table';

/**
 * The benchmark's queue-mode pieces in a minimal run: each subject does the work it is timed
 * for (a check inside the measurement throws otherwise), and the results carry every field
 * and target of issue 11. No assertion on any time: `npm run bench` is where figures come from.
 */
const OUT_DIR = join(OUT, 'queue-harness-test');
const SIZES = { rounds: 1, warmup: 3, sequential: 6, concurrent: 8, concurrency: 4, coldRuns: 1 };

let artifacts: Artifacts;
let fakes: BenchFakes;
let queue: QueueFakes;

beforeAll(async () => {
  artifacts = await prepareArtifacts({ outDir: OUT_DIR, webhook: 'source', log: () => {} });
  fakes = await startBenchFakes();
  queue = await startQueueFakes();
}, 120_000);

afterAll(async () => {
  await Promise.all([fakes?.close(), queue?.close()]);
  rmSync(OUT_DIR, { recursive: true, force: true });
});

describe('the queue-mode benchmark harness', () => {
  it('cold-starts the queue-mode webhook beside the direct one, each queueing or delivering', async () => {
    const cold = await measureWebhookColdStarts(artifacts, fakes, queue, 1);
    for (const series of Object.values(cold)) {
      expect(series.coldStartMs).toHaveLength(1);
      expect(series.ssmCalls).toEqual([1]);
    }
    // The queue-mode runs left one message per robot on the delivery queue, no secret in it.
    const message = queuedMessageFor(queue, 'team');
    expect(message.groupId).toMatch(/^r-[0-9a-f]{16}$/);
    expect(message.body).not.toMatch(/SECbench|token-bench/);
  }, 60_000);

  it('cold-starts deliver and the reference consumer, each sending one message', async () => {
    const accepted = () => fakes.robots.received.filter((r) => r.errcode === 0).length;
    const before = accepted();
    const cold = await measureConsumerColdStarts(artifacts, fakes, queue, 1);
    // One discarded and one measured run of each, every one a message the robot accepted.
    expect(accepted() - before).toBe(4);
    expect(cold.deliver.ssmCalls).toEqual([1]);
    expect(cold.referenceConsumer.ssmCalls).toEqual([1]);
    // The event source mapping's part: nothing left in flight or on the queue.
    expect(queue.sqs.model.peek(queue.queues.delivery)).toEqual([]);
  }, 60_000);

  it('runs the queue-mode webhook and the queue floor warm, every event put on the queue', async () => {
    const before = queue.sqs.calls.length;
    const warm = await measureQueueWarm(artifacts, fakes, queue, SIZES);
    const invocations = SIZES.warmup + SIZES.sequential + SIZES.concurrent;
    const calls = queue.sqs.calls.slice(before);
    expect(calls.filter((c) => c.action === 'SendMessageBatch')).toHaveLength(invocations);
    expect(calls.filter((c) => c.action === 'SendMessage')).toHaveLength(invocations);
    for (const series of Object.values(warm)) {
      expect(series.latencies).toHaveLength(SIZES.sequential);
      expect(series.ssmCalls).toBe(0);
    }
  }, 60_000);

  it('writes every queue-mode field and target of issue 11 into the results', async () => {
    const webhookCold = await measureWebhookColdStarts(artifacts, fakes, queue, 1);
    const consumerCold = await measureConsumerColdStarts(artifacts, fakes, queue, 1);
    const warm = await measureWarm(artifacts, fakes, SIZES);
    const queueWarm = await measureQueueWarm(artifacts, fakes, queue, SIZES);
    const format = {
      worstFormatMs: 1,
      worstEvent: 'comment body',
      medianFormatMs: 0.5,
      pairs: 3,
      oversizedMessages: 0,
    };
    const cold = { project: webhookCold.project, reference: webhookCold.reference };
    const base = buildResults({ mode: 'quick', artifacts, cold, warm, format, sizes: SIZES });
    const simulation = {
      maxSendsPer60sPerRobot: 18,
      lost: 0,
      duplicated: 0,
      eventToGroupP50Ms: 30_000,
      eventToGroupP99Ms: 90_000,
    };
    const results = withQueueResults(
      base,
      buildQueueResults({ artifacts, webhookCold, consumerCold, warm: queueWarm, simulation }),
    );
    for (const field of [
      'queueWebhookColdStartMs',
      'queueWebhookWarmP50Ms',
      'queueFloorP50Ms',
      'deliverColdStartMs',
      'referenceDeliverColdStartMs',
    ] as const) {
      expect(results[field]).toBeGreaterThan(0);
    }
    expect(results.zipBytes).toEqual({
      webhook: expect.any(Number),
      health: expect.any(Number),
      deliver: expect.any(Number),
    });
    expect(results.simulation).toEqual(simulation);
    expect(Object.keys(results.targets)).toEqual(
      expect.arrayContaining([
        'webhookZipAtMost150KB',
        'deliverZipAtMost150KB',
        'queueWebhookColdStartAtMost125xDirect',
        'deliverColdStartAtMost07xReference',
        'simulation.lost',
        'simulation.duplicated',
        'simulation.eventToGroupP99Ms',
        'simulation.maxSendsPer60sPerRobot',
        // The direct-mode targets stay.
        'coldStartAtMost07xReference',
        'oneSsmCallPerColdStart',
      ]),
    );
    expect(Object.values(results.targets).every((met) => typeof met === 'boolean')).toBe(true);
    expect(formatTable(results)).toContain('deliver cold start, median ms');
  }, 120_000);
});
