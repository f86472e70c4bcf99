import { createSqsClient } from '../../lib/aws/sqs';
import { createSqsConsumerQueues, createSqsQueueSender } from '../../lib/aws/sqs-ports';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { LONG_TERM_CREDENTIALS, startCaptureServer, type CaptureServer } from './capture-server';

describe('the SQS ports', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer((target, input) => {
      const entries = (input as { Entries?: Array<{ Id: string }> }).Entries ?? [];
      return target === 'AmazonSQS.SendMessageBatch'
        ? { body: { Successful: entries.map((e) => ({ Id: e.Id, MessageId: 'm' })), Failed: [] } }
        : { body: { MessageId: 'm' } };
    });
  });
  afterEach(() => server.close());

  const urls = () => ({
    delivery: `${server.endpoint}/1/gitee-dingtalk-test-delivery.fifo`,
    dlq: `${server.endpoint}/1/gitee-dingtalk-test-delivery-dlq.fifo`,
  });
  const client = () =>
    createSqsClient({
      region: 'ap-east-1',
      credentials: LONG_TERM_CREDENTIALS,
      queueUrl: urls().delivery,
      now: () => Date.now(),
      post: createKeepAliveHttpPost(),
    });
  const sent = () =>
    server.requests.map((r) => [
      r.headers['x-amz-target'],
      (JSON.parse(r.body) as { QueueUrl: string }).QueueUrl,
    ]);

  it('sends the webhook batch to the delivery queue', async () => {
    const sender = createSqsQueueSender(client(), urls().delivery);
    const results = await sender.sendBatch(
      [{ id: 'e0', groupId: 'r-1', deduplicationId: 'k', body: '{}' }],
      new AbortController().signal,
    );
    expect(results).toEqual([{ id: 'e0', ok: true }]);
    expect(sent()).toEqual([['AmazonSQS.SendMessageBatch', urls().delivery]]);
  });

  it('sends flush tokens to the delivery queue, dead letters to the DLQ, visibility on the delivery queue', async () => {
    const queues = createSqsConsumerQueues(client(), urls());
    await queues.send('delivery', {
      groupId: 'f-1',
      deduplicationId: 'f-1-1',
      body: '{"flush":1}',
    });
    await queues.send('dlq', { groupId: 'r-1', deduplicationId: 'msg-1', body: '{}' });
    await queues.changeVisibility('rh-1', 60);
    expect(sent()).toEqual([
      ['AmazonSQS.SendMessage', urls().delivery],
      ['AmazonSQS.SendMessage', urls().dlq],
      ['AmazonSQS.ChangeMessageVisibility', urls().delivery],
    ]);
  });
});
