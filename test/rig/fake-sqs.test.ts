import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListMessageMoveTasksCommand,
  PurgeQueueCommand,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
  TooManyEntriesInBatchRequest,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { startFakeSqs, type FakeSqs } from '../../dev/queue/fake-sqs-server';
import { createVirtualClock, type VirtualClock } from '../../dev/queue/virtual-clock';
import { FIFO_ATTRIBUTES, sdkClient } from './sqs-client';

/**
 * The conformance checks of queued-delivery.md §3, run with the real @aws-sdk/client-sqs
 * against the fake: what the consumer and the webhook rely on SQS to do.
 */
describe('fake SQS through the real SDK', () => {
  let fake: FakeSqs;
  let clock: VirtualClock;
  let sqs: SQSClient;
  let url: string;

  beforeEach(async () => {
    clock = createVirtualClock();
    fake = await startFakeSqs({ now: clock.now });
    sqs = sdkClient(fake.endpoint);
    ({ QueueUrl: url = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'work.fifo', Attributes: FIFO_ATTRIBUTES }),
    ));
  });
  afterEach(async () => {
    sqs.destroy();
    await fake.close();
  });

  const send = (group: string, body: string, dedup = body) =>
    sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        MessageGroupId: group,
        MessageDeduplicationId: dedup,
      }),
    );
  const receive = async (max = 10, extra: { VisibilityTimeout?: number } = {}) =>
    (
      await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: max,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
          ...extra,
        }),
      )
    ).Messages ?? [];
  const bodies = (messages: Message[]) => messages.map((message) => message.Body);

  it('1. answers queue URLs on its own host, which the SDK follows over its endpoint', async () => {
    const warnings: string[] = [];
    const saved = process.env.AWS_ENDPOINT_URL_SQS;
    process.env.AWS_ENDPOINT_URL_SQS = 'http://127.0.0.1:9'; // nothing listens there
    const viaEnv = sdkClient(undefined, warnings);
    try {
      expect(new URL(url).origin).toBe(fake.endpoint);
      await viaEnv.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x',
          MessageGroupId: 'g',
          MessageDeduplicationId: 'd',
        }),
      );
      expect(warnings.join('\n')).toContain('using QueueUrl host as endpoint');
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'work.fifo' }));
      expect(QueueUrl).toBe(url);
    } finally {
      viaEnv.destroy();
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SQS;
      else process.env.AWS_ENDPOINT_URL_SQS = saved;
    }
  });

  it('2. answers the MD5s the SDK checks, and an increasing SequenceNumber', async () => {
    const first = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"v":1,"text":"中文 ok"}',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'one',
        MessageAttributes: { SellerName: { DataType: 'String', StringValue: 'Example Store' } },
      }),
    );
    // AWS's documented example for this attribute.
    expect(first.MD5OfMessageAttributes).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
    const second = await send('g', 'two');
    expect(BigInt(second.SequenceNumber ?? '0')).toBeGreaterThan(
      BigInt(first.SequenceNumber ?? '0'),
    );
    const [received] = await receive(1);
    expect(received?.Body).toBe('{"v":1,"text":"中文 ok"}');
    expect(received?.MD5OfMessageAttributes).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
  });

  it('3. hands out several messages of one group per receive, in order, oldest group first', async () => {
    for (const [group, body] of [
      ['a', 'a1'],
      ['b', 'b1'],
      ['a', 'a2'],
      ['a', 'a3'],
      ['b', 'b2'],
    ]) {
      await send(group as string, body as string);
    }
    expect(bodies(await receive(4))).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  it('4. hands out nothing of a group while one of its messages is in flight', async () => {
    await send('a', 'a1');
    await send('b', 'b1');
    expect(bodies(await receive(1))).toEqual(['a1']);
    await send('a', 'a2');
    expect(bodies(await receive(10))).toEqual(['b1']);
    expect(await receive(10)).toEqual([]);
  });

  it('5. unlocks the group once its messages in flight are deleted', async () => {
    await send('a', 'a1');
    await send('a', 'a2');
    const [head] = await receive(1);
    expect(await receive()).toEqual([]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: head?.ReceiptHandle }));
    expect(bodies(await receive())).toEqual(['a2']);
  });

  it('6. accepts a duplicate within 5 minutes without delivering it, even after a delete', async () => {
    const first = await send('a', 'body', 'same');
    const [message] = await receive();
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message?.ReceiptHandle }),
    );
    clock.advance(4 * 60_000);
    const duplicate = await send('a', 'other body', 'same');
    expect(duplicate.MessageId).toBe(first.MessageId);
    expect(await receive()).toEqual([]);
    clock.advance(60_000);
    await send('a', 'late', 'same');
    expect(bodies(await receive())).toEqual(['late']);
  });

  it('7. dedupes by content on a queue with ContentBasedDeduplication', async () => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: 'content.fifo',
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      }),
    );
    for (const body of ['x', 'x', 'y']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: 'g' }));
    }
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }),
    );
    expect(bodies(Messages)).toEqual(['x', 'y']);
  });

  it('8. returns a message after its visibility timeout, counting the receive', async () => {
    await send('a', 'a1');
    const [first] = await receive();
    expect(first?.Attributes?.ApproximateReceiveCount).toBe('1');
    clock.advance(29_999);
    expect(await receive()).toEqual([]);
    clock.advance(1);
    const [again] = await receive();
    expect(again?.Body).toBe('a1');
    expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(again?.ReceiptHandle).not.toBe(first?.ReceiptHandle);
    expect(again?.Attributes?.ApproximateFirstReceiveTimestamp).toBe(String(clock.now() - 30_000));
  });

  it('9. ChangeMessageVisibility pauses the group for that long, 0 releases it at once', async () => {
    await send('a', 'a1');
    await send('a', 'a2');
    const [head] = await receive(1);
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: head?.ReceiptHandle,
        VisibilityTimeout: 300,
      }),
    );
    clock.advance(299_000);
    expect(await receive()).toEqual([]);
    clock.advance(1_000);
    const [back] = await receive(1);
    expect(back?.Body).toBe('a1');
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: back?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    expect(bodies(await receive())).toEqual(['a1', 'a2']);
  });

  it('10. refuses a lapsed FIFO handle and a handle it never issued, as SQS does', async () => {
    await send('a', 'a1');
    const [first] = await receive();
    clock.advance(30_000);
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first?.ReceiptHandle })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringContaining('expired'),
    });
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'not-a-handle' })),
    ).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
    expect(bodies(await receive())).toEqual(['a1']);
  });

  it('11. moves a message to the DLQ on the receive after maxReceiveCount', async () => {
    const { QueueUrl: dlqUrl = '' } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'work-dlq.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    const dlqArn = fake.model.queueArn('work-dlq.fifo');
    const { QueueUrl: sourceUrl = '' } = await sqs.send(
      new CreateQueueCommand({
        QueueName: 'source.fifo',
        Attributes: {
          ...FIFO_ATTRIBUTES,
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
        },
      }),
    );
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: sourceUrl,
        MessageBody: 'poison',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'p',
      }),
    );
    for (let i = 0; i < 2; i += 1) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: sourceUrl, VisibilityTimeout: 0 }),
      );
      expect(bodies(Messages)).toEqual(['poison']);
    }
    const { Messages: none = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: sourceUrl }),
    );
    expect(none).toEqual([]);
    const { Messages: [dead] = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['All'] }),
    );
    expect(dead?.MessageId).toBe(sent.MessageId);
    expect(dead?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(dead?.Attributes?.DeadLetterQueueSourceArn).toBe(fake.model.queueArn('source.fifo'));
  });

  it('12. StartMessageMoveTask moves DLQ messages to an explicit destination as new messages', async () => {
    const dlqArn = await createDlqFor(sqs, fake);
    const dlqUrl = fake.queueUrl('work-dlq.fifo');
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: 'parked',
        MessageGroupId: 'r-1',
        MessageDeduplicationId: 'orig-id',
      }),
    );
    const before = fake.model.peek('work-dlq.fifo')[0];
    clock.advance(60_000);
    // Without a destination a message the consumer parked itself has nowhere to go.
    await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    let { Results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
    expect(Results[0]?.Status).toBe('FAILED');
    await sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: dlqArn,
        DestinationArn: fake.model.queueArn('work.fifo'),
      }),
    );
    ({ Results = [] } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn })));
    expect(Results[0]).toMatchObject({ Status: 'COMPLETED', ApproximateNumberOfMessagesMoved: 1 });
    const [moved] = await receive();
    expect(moved?.Body).toBe('parked');
    expect(moved?.MessageId).not.toBe(before?.messageId);
    expect(moved?.Attributes).toMatchObject({
      MessageGroupId: 'r-1',
      SentTimestamp: String(clock.now()),
      ApproximateReceiveCount: '1',
    });
  });

  it('13. throws the SDK own exception classes, from the query-error header', async () => {
    const missing = sqs.send(new GetQueueUrlCommand({ QueueName: 'nope.fifo' }));
    await expect(missing).rejects.toBeInstanceOf(QueueDoesNotExist);
    await expect(missing).rejects.toMatchObject({
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
    });
    await expect(
      sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'no group',
          MessageDeduplicationId: 'x',
        }),
      ),
    ).rejects.toMatchObject({ name: 'MissingParameter', $metadata: { httpStatusCode: 400 } });
  });

  it('14. answers a batch entry by entry, and refuses a malformed batch whole', async () => {
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', MessageBody: 'fine', MessageGroupId: 'g', MessageDeduplicationId: 'f' },
          { Id: 'bad', MessageBody: 'no group', MessageDeduplicationId: 'n' },
        ],
      }),
    );
    expect(result.Successful?.map((entry) => entry.Id)).toEqual(['ok']);
    expect(result.Failed).toEqual([
      expect.objectContaining({ Id: 'bad', SenderFault: true, Code: 'MissingParameter' }),
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      Id: `e${i}`,
      MessageBody: 'x',
      MessageGroupId: 'g',
      MessageDeduplicationId: `d${i}`,
    }));
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven })),
    ).rejects.toBeInstanceOf(TooManyEntriesInBatchRequest);
    const big = 'x'.repeat(100_000);
    const tooLong = [0, 1, 2].map((i) => ({
      Id: `b${i}`,
      MessageBody: big,
      MessageGroupId: 'g',
      MessageDeduplicationId: `big${i}`,
    }));
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: tooLong })),
    ).rejects.toMatchObject({ name: 'BatchRequestTooLong' });
  });

  it('15. counts visible and in-flight messages, and purges', async () => {
    await send('a', 'a1');
    await send('b', 'b1');
    await receive(1);
    const counts = async () =>
      (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })))
        .Attributes ?? {};
    expect(await counts()).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      FifoQueue: 'true',
      VisibilityTimeout: '30',
    });
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(await counts()).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('16. long polls until a message arrives, and fails calls on demand', async () => {
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    fake.model.sendMessage({
      QueueUrl: url,
      MessageBody: 'late',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'l',
    });
    expect(bodies((await waiting).Messages ?? [])).toEqual(['late']);
    fake.failNext('SendMessage', 1);
    await expect(send('g', 'refused')).rejects.toMatchObject({
      $metadata: { httpStatusCode: 503 },
    });
    await send('g', 'accepted');
  });
});

async function createDlqFor(sqs: SQSClient, fake: FakeSqs): Promise<string> {
  await sqs.send(
    new CreateQueueCommand({ QueueName: 'work-dlq.fifo', Attributes: { FifoQueue: 'true' } }),
  );
  const dlqArn = fake.model.queueArn('work-dlq.fifo');
  await sqs.send(
    new CreateQueueCommand({
      QueueName: 'with-dlq.fifo',
      Attributes: {
        FifoQueue: 'true',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 100 }),
      },
    }),
  );
  return dlqArn;
}
