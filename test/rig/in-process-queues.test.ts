import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { createInProcessQueues } from '../../dev/queue/in-process-queues';
import { createSqsModel } from '../../dev/queue/sqs-model';
import { createVirtualClock } from '../../dev/queue/virtual-clock';

describe('in-process queue ports', () => {
  const setup = () => {
    const clock = createVirtualClock();
    const model = createSqsModel({ now: clock.now });
    const urls = createDeliveryQueues(model);
    return { clock, model, urls, ...createInProcessQueues(model, urls) };
  };
  const entry = (id: string, dedup: string) => ({
    id,
    groupId: 'r-0123456789abcdef',
    deduplicationId: dedup,
    body: JSON.stringify({ v: 1, id }),
  });

  it('enqueues a batch, taking a duplicate without delivering it twice', async () => {
    const { sender, model, urls } = setup();
    const results = await sender.sendBatch(
      [entry('a', 'k1'), entry('b', 'k1'), entry('c', 'k2')],
      new AbortController().signal,
    );
    expect(results).toEqual([
      { id: 'a', ok: true },
      { id: 'b', ok: true },
      { id: 'c', ok: true },
    ]);
    expect(model.peek(urls.delivery).map((m) => JSON.parse(m.body).id)).toEqual(['a', 'c']);
  });

  it('reports an entry SQS refuses by its code, and refuses an aborted call', async () => {
    const { sender } = setup();
    const bad = { ...entry('bad', 'k3'), body: '' };
    const results = await sender.sendBatch([entry('ok', 'k4'), bad], new AbortController().signal);
    expect(results).toEqual([
      { id: 'ok', ok: true },
      { id: 'bad', ok: false, error: 'MissingParameter' },
    ]);
    const aborted = new AbortController();
    aborted.abort();
    await expect(sender.sendBatch([entry('x', 'k5')], aborted.signal)).rejects.toThrow();
  });

  it('sends dead letters with their attributes and changes a received message visibility', async () => {
    const { consumer, model, urls, clock } = setup();
    await consumer.send('dlq', {
      ...entry('x', 'original-message-id'),
      attributes: {
        reason: { type: 'String', value: 'keyword' },
        errcode: { type: 'Number', value: '310000' },
      },
    });
    expect(model.peek(urls.dlq)[0]?.attributes).toEqual({
      reason: { DataType: 'String', StringValue: 'keyword' },
      errcode: { DataType: 'Number', StringValue: '310000' },
    });
    await consumer.send('delivery', entry('y', 'k6'));
    const [received] = model.receiveMessage({ QueueUrl: urls.delivery }).Messages;
    await consumer.changeVisibility(received?.ReceiptHandle ?? '', 42);
    expect(model.peek(urls.delivery)[0]?.visibleAt).toBe(clock.now() + 42_000);
  });

  it('creates the queues as the stack does', () => {
    const { model, urls } = setup();
    const attributes = model.getQueueAttributes({
      QueueUrl: urls.delivery,
      AttributeNames: ['All'],
    }).Attributes;
    expect(attributes).toMatchObject({
      FifoQueue: 'true',
      ContentBasedDeduplication: 'false',
      VisibilityTimeout: '180',
      MessageRetentionPeriod: '1209600',
      SqsManagedSseEnabled: 'true',
    });
    expect(JSON.parse(attributes.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: model.queueArn(urls.dlq),
      maxReceiveCount: 100,
    });
  });
});
