import { enqueueEntries, MAX_BATCH_BYTES, splitBatches } from '../../lib/delivery/enqueue';
import type { QueueEntry } from '../../lib/delivery/ports';
import { createFakeQueue, virtualClock } from './queue-fakes';

function entry(index: number, bodyBytes = 100): QueueEntry {
  return {
    id: `m${index}`,
    groupId: `r-${String(index).padStart(16, '0')}`,
    deduplicationId: `dedup-${index}`,
    body: 'x'.repeat(bodyBytes),
  };
}

function entries(count: number, bodyBytes?: number): QueueEntry[] {
  return Array.from({ length: count }, (_, index) => entry(index, bodyBytes));
}

function setup() {
  const queue = createFakeQueue();
  const clock = virtualClock();
  const deadline = clock.now() + 4000;
  const send = (list: QueueEntry[], attemptTimeoutMs?: number) =>
    enqueueEntries(list, deadline, {
      queue: queue.sender,
      now: clock.now,
      sleep: clock.sleep,
      attemptTimeoutMs,
    });
  return { queue, clock, deadline, send };
}

const taken = (outcome: Map<string, { ok: boolean }>) =>
  [...outcome.values()].every((result) => result.ok);

describe('enqueueEntries', () => {
  it('sends 23 entries as batches of 10, 10 and 3, each taken once', async () => {
    const { queue, send } = setup();
    const outcome = await send(entries(23));
    expect(taken(outcome)).toBe(true);
    expect(queue.calls.map((call) => call.entries.length)).toEqual([10, 10, 3]);
    expect(queue.calls.every((call) => call.outcome === 'answered')).toBe(true);
    expect(queue.messages.size).toBe(23);
  });

  it('cuts a batch before it would pass 256 KiB', async () => {
    const { queue, send } = setup();
    const outcome = await send(entries(5, 100 * 1024));
    expect(taken(outcome)).toBe(true);
    expect(queue.calls.map((call) => call.entries.length)).toEqual([2, 2, 1]);
    expect(queue.calls.some((call) => call.outcome === 'invalid')).toBe(false);
  });

  it('counts attributes with the body, and keeps a batch of exactly 256 KiB whole', () => {
    const half = MAX_BATCH_BYTES / 2;
    expect(splitBatches(entries(2, half)).map((batch) => batch.length)).toEqual([2]);
    const withAttribute: QueueEntry = {
      ...entry(9, half),
      attributes: { reason: { type: 'String', value: 'keyword' } },
    };
    expect(splitBatches([entry(0, half), withAttribute]).map((batch) => batch.length)).toEqual([
      1, 1,
    ]);
  });

  it('retries only the entry SQS did not take, and then it is taken', async () => {
    const { queue, send } = setup();
    queue.failEntry('dedup-1', 'ServiceUnavailable', 'ThrottlingException');
    const outcome = await send(entries(3));
    expect(taken(outcome)).toBe(true);
    expect(queue.calls.map((call) => call.entries.map((one) => one.id))).toEqual([
      ['m0', 'm1', 'm2'],
      ['m1'],
      ['m1'],
    ]);
  });

  it('retries a call that failed as a whole', async () => {
    const { queue, send } = setup();
    queue.failCalls('reject', 'reject');
    const outcome = await send(entries(2));
    expect(taken(outcome)).toBe(true);
    expect(queue.calls.map((call) => call.outcome)).toEqual(['rejected', 'rejected', 'answered']);
  });

  it('gives up on a call that hangs after its attempt timeout, and retries it', async () => {
    const { queue, send } = setup();
    queue.failCalls('hang');
    const outcome = await send(entries(1), 20);
    expect(taken(outcome)).toBe(true);
    expect(queue.calls.map((call) => call.outcome)).toEqual(['aborted', 'answered']);
  });

  it('does not resend an entry SQS refuses for what it is', async () => {
    const { queue, send } = setup();
    queue.failEntry('dedup-0', 'InvalidParameterValue');
    const outcome = await send(entries(2));
    expect(outcome.get('m0')).toEqual({ id: 'm0', ok: false, error: 'InvalidParameterValue' });
    expect(outcome.get('m1')).toEqual({ id: 'm1', ok: true });
    expect(queue.calls).toHaveLength(1);
  });

  it('stops at the deadline while SQS is down, every entry reported not taken', async () => {
    const { queue, clock, deadline, send } = setup();
    queue.setDown(true);
    const outcome = await send(entries(12));
    expect([...outcome.values()].map((result) => result.ok)).toEqual(Array(12).fill(false));
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    expect(queue.calls.length).toBeGreaterThan(2);
  });

  it('refuses an entry too large for any batch without sending it', async () => {
    const { queue, send } = setup();
    const outcome = await send([entry(0, MAX_BATCH_BYTES + 1), entry(1)]);
    expect(outcome.get('m0')).toMatchObject({ ok: false, error: 'too_large' });
    expect(outcome.get('m1')).toMatchObject({ ok: true });
    expect(queue.calls.map((call) => call.entries.map((one) => one.id))).toEqual([['m1']]);
  });
});
