import { md5OfAttributes, md5OfBody } from '../../dev/queue/sqs-md5';
import { createSqsModel } from '../../dev/queue/sqs-model';
import { createVirtualClock } from '../../dev/queue/virtual-clock';

describe('SQS model', () => {
  describe('MD5OfMessageAttributes', () => {
    // Known answers published elsewhere: AWS's documentation example, LocalStack's and
    // sqslite's tests; none computed with this code.
    it.each([
      [
        { SellerName: { DataType: 'String', StringValue: 'Example Store' } },
        'cd28f3b68aeee4b2eac9c66f2f694b58',
      ],
      [
        { timestamp: { DataType: 'Number', StringValue: '1493147359900' } },
        '235c5c510d26fb653d073faed50ae77c',
      ],
      [
        {
          ordinal: { DataType: 'Number', StringValue: '1' },
          category: { DataType: 'String', StringValue: 'test' },
        },
        'd21ae90c49061e927f57df5f5d72be1f',
      ],
    ])('matches the published digest of %j', (attributes, expected) => {
      expect(md5OfAttributes(attributes)).toBe(expected);
    });

    it('is absent without attributes, and the body digest is plain MD5', () => {
      expect(md5OfAttributes({})).toBeUndefined();
      expect(md5OfBody('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    });
  });

  it('forgets messages past the retention period, measured from SentTimestamp', () => {
    const clock = createVirtualClock();
    const model = createSqsModel({ now: clock.now });
    const { QueueUrl } = model.createQueue({
      QueueName: 'short.fifo',
      Attributes: { FifoQueue: 'true', MessageRetentionPeriod: '60' },
    });
    model.sendMessage({
      QueueUrl,
      MessageBody: 'x',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'x',
    });
    clock.advance(59_999);
    expect(model.peek(QueueUrl)).toHaveLength(1);
    clock.advance(1);
    expect(model.receiveMessage({ QueueUrl }).Messages).toEqual([]);
  });

  it('ignores an earlier handle on a standard queue once the message was received again', () => {
    const clock = createVirtualClock();
    const model = createSqsModel({ now: clock.now });
    const { QueueUrl } = model.createQueue({
      QueueName: 'plain',
      Attributes: { VisibilityTimeout: '1' },
    });
    model.sendMessage({ QueueUrl, MessageBody: 'x' });
    const [first] = model.receiveMessage({ QueueUrl }).Messages;
    clock.advance(1_000);
    model.receiveMessage({ QueueUrl });
    model.deleteMessage({ QueueUrl, ReceiptHandle: first?.ReceiptHandle ?? '' });
    expect(model.peek(QueueUrl)).toHaveLength(1);
  });

  it('answers the same queue for the same attributes and refuses different ones', () => {
    const model = createSqsModel();
    const create = (visibility: string) =>
      model.createQueue({
        QueueName: 'q.fifo',
        Attributes: { FifoQueue: 'true', VisibilityTimeout: visibility },
      });
    expect(create('30').QueueUrl).toBe(create('30').QueueUrl);
    expect(() => create('31')).toThrow(expect.objectContaining({ type: 'QueueNameExists' }));
    expect(() => model.createQueue({ QueueName: 'q', Attributes: { FifoQueue: 'true' } })).toThrow(
      expect.objectContaining({ type: 'InvalidParameterValue' }),
    );
  });

  it('refuses characters SQS refuses and per-message delays on FIFO', () => {
    const model = createSqsModel();
    const { QueueUrl } = model.createQueue({
      QueueName: 'q.fifo',
      Attributes: { FifoQueue: 'true' },
    });
    const base = { QueueUrl, MessageGroupId: 'g', MessageDeduplicationId: 'd' };
    expect(() => model.sendMessage({ ...base, MessageBody: 'bad \u0001' })).toThrow(
      expect.objectContaining({ type: 'InvalidMessageContents' }),
    );
    expect(() => model.sendMessage({ ...base, MessageBody: 'x', DelaySeconds: 5 })).toThrow(
      expect.objectContaining({ type: 'InvalidParameterValue' }),
    );
  });
});
