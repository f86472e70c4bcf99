import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { createEventSource, type InvocationReport } from '../../dev/queue/event-source';
import { createSqsModel, type SqsModel } from '../../dev/queue/sqs-model';
import { createVirtualClock, type VirtualClock } from '../../dev/queue/virtual-clock';

describe('event source mapping emulator', () => {
  let clock: VirtualClock;
  let model: SqsModel;
  let queue: string;

  beforeEach(() => {
    clock = createVirtualClock();
    model = createSqsModel({ now: clock.now });
    queue = createDeliveryQueues(model, { visibilityTimeout: 120 }).delivery;
  });

  const send = (group: string, body: string, attributes = {}) =>
    model.sendMessage({
      QueueUrl: queue,
      MessageBody: body,
      MessageGroupId: group,
      MessageDeduplicationId: `${group}-${body}`,
      MessageAttributes: attributes,
    });
  const left = () => model.peek(queue).map((message) => message.body);

  it('hands the function a Lambda-shaped SQS event', async () => {
    const sent = send('r-1', 'one', { reason: { DataType: 'String', StringValue: 'keyword' } });
    const events: SQSEvent[] = [];
    const source = createEventSource({
      model,
      queue,
      handler: async (event) => void events.push(event),
    });
    await source.step();
    expect(events[0]?.Records).toEqual([
      {
        messageId: sent.MessageId,
        receiptHandle: expect.any(String),
        body: 'one',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(clock.now()),
          SenderId: expect.any(String),
          ApproximateFirstReceiveTimestamp: String(clock.now()),
          SequenceNumber: sent.SequenceNumber,
          MessageGroupId: 'r-1',
          MessageDeduplicationId: 'r-1-one',
        },
        messageAttributes: {
          reason: {
            stringValue: 'keyword',
            stringListValues: [],
            binaryListValues: [],
            dataType: 'String',
          },
        },
        md5OfBody: sent.MD5OfMessageBody,
        md5OfMessageAttributes: sent.MD5OfMessageAttributes,
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:gitee-dingtalk-local-delivery.fifo',
        awsRegion: 'us-east-1',
      },
    ]);
    expect(left()).toEqual([]);
  });

  it('deletes only the records the function did not report', async () => {
    ['a', 'b', 'c'].forEach((body) => send('r-1', body));
    const source = createEventSource({
      model,
      queue,
      handler: async (event): Promise<SQSBatchResponse> => ({
        batchItemFailures: event.Records.filter((r) => r.body !== 'a').map((r) => ({
          itemIdentifier: r.messageId,
        })),
      }),
    });
    const [report] = await source.step();
    expect(report?.deleted).toHaveLength(1);
    expect(left()).toEqual(['b', 'c']);
  });

  it('deletes nothing when the function throws or reports an unknown record', async () => {
    send('r-1', 'a');
    send('r-2', 'b');
    const reports: InvocationReport[] = [];
    const source = createEventSource({
      model,
      queue,
      pollers: 2,
      batchSize: 1,
      onInvocation: (report) => void reports.push(report),
      handler: async (event) => {
        if (event.Records[0]?.body === 'a') throw new Error('boom');
        return { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] };
      },
    });
    await source.step();
    expect(reports.map((report) => report.batchFailure).sort()).toEqual([
      'invalid-response',
      'threw',
    ]);
    expect(left()).toEqual(['a', 'b']);
  });

  it('gives concurrent pollers different groups, never two batches of one group', async () => {
    for (const group of ['r-1', 'r-2', 'r-3']) for (const n of [1, 2]) send(group, `${group}.${n}`);
    send('r-1', 'r-1.3');
    const seen: string[][] = [];
    let active = 0;
    let maxActive = 0;
    const source = createEventSource({
      model,
      queue,
      pollers: 3,
      batchSize: 2,
      handler: async (event) => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        seen.push(event.Records.map((record) => record.body));
        active -= 1;
      },
    });
    await source.step();
    expect(maxActive).toBe(3);
    expect(seen.sort()).toEqual([
      ['r-1.1', 'r-1.2'],
      ['r-2.1', 'r-2.2'],
      ['r-3.1', 'r-3.2'],
    ]);
    await source.step();
    expect(seen).toContainEqual(['r-1.3']);
  });

  it.each([
    ['as-set', 60_000],
    ['reset', 120_000],
  ] as const)(
    "with failedVisibility '%s' a deferred record returns after %i ms",
    async (failedVisibility, returnsAfter) => {
      send('r-1', 'deferred');
      const received: number[] = [];
      const source = createEventSource({
        model,
        queue,
        failedVisibility,
        handler: async (event) => {
          received.push(clock.now());
          const [head] = event.Records;
          if (head === undefined || received.length > 1) return;
          model.changeMessageVisibility({
            QueueUrl: queue,
            ReceiptHandle: head.receiptHandle,
            VisibilityTimeout: 60,
          });
          return { batchItemFailures: [{ itemIdentifier: head.messageId }] };
        },
      });
      const start = clock.now();
      await source.runUntil(start + 10 * 60_000, clock);
      expect(received).toEqual([start, start + returnsAfter]);
      expect(left()).toEqual([]);
    },
  );

  it('polls in real time once started, until stopped', async () => {
    const realModel = createSqsModel();
    const url = createDeliveryQueues(realModel).delivery;
    const bodies: string[] = [];
    const source = createEventSource({
      model: realModel,
      queue: url,
      handler: async (event) => void bodies.push(...event.Records.map((r) => r.body)),
    });
    source.start();
    realModel.sendMessage({
      QueueUrl: url,
      MessageBody: 'live',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'live',
    });
    for (let i = 0; i < 100 && bodies.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await source.stop();
    expect(bodies).toEqual(['live']);
    expect(realModel.peek(url)).toEqual([]);
  });
});
