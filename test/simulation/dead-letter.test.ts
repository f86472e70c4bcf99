import {
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { configYaml, STAGE_PATH } from './settings';
import { expectInvariants, TEAM, withSim, type Sim } from './scenario';

/** Both robots' groups want 发布, but the settings give them Gitee (a misconfiguration). */
const ROBOTS = [
  { ...TEAM, groupKeywords: ['发布'] },
  { name: 'ops', keywords: ['Gitee'], groupKeywords: ['发布'] },
];

function sqsClient(sim: Sim): SQSClient {
  return new SQSClient({
    region: 'us-east-1',
    endpoint: sim.world.sqs.endpoint,
    credentials: { accessKeyId: 'AKIATESTOPERATOR', secretAccessKey: 'keytest-operator' },
    maxAttempts: 1,
  });
}

async function deadLetters(sim: Sim, sqs: SQSClient): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: sim.world.urls.dlq,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages;
}

/** `redrive --robot NAME`: receive, re-send that robot's letters to the queue, delete those. */
async function redriveRobot(sim: Sim, robot: string): Promise<number> {
  const { model, urls } = sim.world;
  let moved = 0;
  for (const letter of model.receiveMessage({
    QueueUrl: urls.dlq,
    MaxNumberOfMessages: 10,
    VisibilityTimeout: 30,
    MessageSystemAttributeNames: ['All'],
    MessageAttributeNames: ['All'],
  }).Messages) {
    if (letter.MessageAttributes?.robot?.StringValue !== robot) continue;
    model.sendMessage({
      QueueUrl: urls.delivery,
      MessageBody: letter.Body,
      MessageGroupId: letter.Attributes?.MessageGroupId,
      MessageDeduplicationId: `redrive-${letter.MessageId}`,
    });
    model.deleteMessage({ QueueUrl: urls.dlq, ReceiptHandle: letter.ReceiptHandle });
    moved += 1;
  }
  return moved;
}

describe.each(['as-set', 'reset'] as const)(
  'simulation, failed visibility %s',
  (failedVisibility) => {
    it('parks keyword failures in the DLQ, and delivers them after the fix and a redrive', async () => {
      await withSim({ robots: ROBOTS, failedVisibility }, async (sim) => {
        const sqs = sqsClient(sim);
        try {
          await sim.burst(4);
          await sim.drain();
          expect(sim.world.platforms.messages().every((m) => m.errcode === 310000)).toBe(true);
          const letters = await deadLetters(sim, sqs);
          expect(letters).toHaveLength(8);
          expect(letters[0]?.MessageAttributes).toMatchObject({
            reason: { DataType: 'String', StringValue: 'keyword' },
            errcode: { DataType: 'Number', StringValue: '310000' },
          });
          // The fix: the settings get the groups' keyword; caches refresh within 5 minutes.
          sim.world.ssm.set(
            `${STAGE_PATH}/config`,
            configYaml(ROBOTS.map((r) => ({ ...r, keywords: ['发布'] }))),
            'String',
          );
          sim.world.clock.advance(6 * 60_000);
          expect(await redriveRobot(sim, 'team')).toBe(4);
          await sim.drain();
          const dlqArn = sim.world.model.queueArn(sim.world.urls.dlq);
          const deliveryArn = sim.world.model.queueArn(sim.world.urls.delivery);
          await sqs.send(
            new StartMessageMoveTaskCommand({ SourceArn: dlqArn, DestinationArn: deliveryArn }),
          );
          expect(sim.world.model.peek(sim.world.urls.dlq)).toEqual([]);
          await expectInvariants(sim);
        } finally {
          sqs.destroy();
        }
      });
    });
  },
);
