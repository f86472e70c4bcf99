import { ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { redriveDeadLetters } from '../../scripts/settings/redrive';
import { configYaml, STAGE, STAGE_PATH } from './settings';
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

describe.each(['as-set', 'reset'] as const)('simulation, failed visibility %s', (visibility) => {
  it('parks keyword failures in the DLQ, and delivers them after the fix and a redrive', async () => {
    await withSim({ robots: ROBOTS, failedVisibility: visibility }, async (sim) => {
      const sqs = sqsClient(sim);
      const said: string[] = [];
      const out = (line: string) => void said.push(line);
      const delivered = (robot: string) =>
        sim.world.platforms.messages().filter((m) => m.robot === robot && m.errcode === 0);
      try {
        await sim.burst(4);
        await sim.drain();
        const refused = sim.world.platforms.messages();
        expect(refused.length).toBeGreaterThan(0);
        expect(refused.every((m) => m.errcode === 310000)).toBe(true);
        const letters = await deadLetters(sim, sqs);
        expect(letters).toHaveLength(8);
        expect(letters[0]?.MessageAttributes).toMatchObject({
          reason: { DataType: 'String', StringValue: 'keyword' },
          errcode: { DataType: 'Number', StringValue: '310000' },
        });
        // The fix: the settings get the groups' keyword; caches refresh within 5 minutes.
        const fixed = ROBOTS.map((robot) => ({ ...robot, keywords: ['发布'] }));
        sim.world.ssm.set(`${STAGE_PATH}/config`, configYaml(fixed), 'String');
        sim.world.clock.advance(6 * 60_000);
        await redriveDeadLetters(sqs, { stage: STAGE, robot: 'team', dryRun: false }, out);
        expect(said.join('\n')).toContain('Re-sent 4 dead letter(s) of robot team');
        await sim.drain();
        expect(delivered('team').length).toBeGreaterThan(0);
        expect(delivered('ops')).toEqual([]);
        await redriveDeadLetters(sqs, { stage: STAGE, dryRun: false }, out);
        expect(sim.world.model.peek(sim.world.urls.dlq)).toEqual([]);
        await expectInvariants(sim);
      } finally {
        sqs.destroy();
      }
    });
  });
});
