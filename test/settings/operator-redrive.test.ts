import { deadLetter, groupOf, startOperatorRig, STAGE, type OperatorRig } from './operator-harness';

describe('settings CLI: redrive', () => {
  let rig: OperatorRig;
  beforeEach(async () => {
    rig = await startOperatorRig();
  });
  afterEach(() => rig.close());

  const bodies = (url: string) => rig.sqs.model.peek(url).map((m) => m.body);
  const groups = (url: string) => rig.sqs.model.peek(url).map((m) => m.groupId);

  async function fill(): Promise<{ team: string[]; ops: string[] }> {
    const team = [];
    for (let i = 0; i < 12; i += 1) {
      const letter = deadLetter('team', i < 8 ? 'keyword' : 'expired');
      team.push(letter.body);
      await rig.queues.send('dlq', letter);
    }
    const ops = deadLetter('ops', 'attempts');
    await rig.queues.send('dlq', ops);
    return { team, ops: [ops.body] };
  }

  it('--dry-run counts by robot and reason and moves nothing', async () => {
    const letters = await fill();
    const { code, out } = await rig.run('redrive', '--stage', STAGE, '--dry-run');
    expect(code).toBe(0);
    expect(out).toEqual([
      'Dry run: nothing moved. 11 dead letter(s) read:',
      '  team: keyword 8, expired 2',
      '  ops: attempts 1',
      '  (11 of about 13 read: a FIFO queue shows only the first messages of each robot group until they are deleted)',
      'redrive would move every dead letter (11 read).',
    ]);
    expect(bodies(rig.urls.dlq)).toEqual([...letters.team, ...letters.ops]);
    expect(rig.sqs.model.peek(rig.urls.dlq).every((m) => !m.inFlight)).toBe(true);
    expect(bodies(rig.urls.delivery)).toEqual([]);
  });

  it('moves every dead letter back to the delivery queue with a message move task', async () => {
    const letters = await fill();
    const { code, out } = await rig.run('redrive', '--stage', STAGE);
    expect(code).toBe(0);
    expect(out).toEqual([
      `Moving about 13 dead letter(s) back to gitee-dingtalk-${STAGE}-delivery.fifo; \`status --stage ${STAGE}\` shows the DLQ draining.`,
    ]);
    expect(bodies(rig.urls.dlq)).toEqual([]);
    expect(bodies(rig.urls.delivery)).toEqual([...letters.team, ...letters.ops]);
    expect(new Set(groups(rig.urls.delivery))).toEqual(new Set([groupOf('team'), groupOf('ops')]));
  });

  it('says so when the dead-letter queue is empty', async () => {
    const { code, out } = await rig.run('redrive', '--stage', STAGE);
    expect(code).toBe(0);
    expect(out).toEqual(['The dead-letter queue is empty: nothing to redrive.']);
  });

  it("--robot re-sends only that robot's letters, all of them, in order, in their group", async () => {
    const letters = await fill();
    const { code, out } = await rig.run('redrive', '--stage', STAGE, '--robot', 'team');
    expect(code).toBe(0);
    expect(out).toEqual([
      'Re-sent 12 dead letter(s) of robot team to the delivery queue, and deleted them from the DLQ.',
      '1 dead letter(s) of other robots were left in place.',
    ]);
    expect(bodies(rig.urls.delivery)).toEqual(letters.team);
    expect(new Set(groups(rig.urls.delivery))).toEqual(new Set([groupOf('team')]));
    expect(bodies(rig.urls.dlq)).toEqual(letters.ops);
    expect(rig.sqs.model.peek(rig.urls.dlq)[0]?.inFlight).toBe(false);
  });

  it('--robot deletes nothing it could not re-send, and leaves the rest visible', async () => {
    const letters = await fill();
    rig.sqs.failNext('SendMessage', 1);
    const { code, err } = await rig.run('redrive', '--stage', STAGE, '--robot', 'team');
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(
      /^SQS SendMessage failed: ServiceUnavailable.*: nothing more was re-sent$/,
    );
    expect(bodies(rig.urls.delivery)).toEqual([]);
    expect(bodies(rig.urls.dlq)).toEqual([...letters.team, ...letters.ops]);
    expect(rig.sqs.model.peek(rig.urls.dlq).every((m) => !m.inFlight)).toBe(true);
  });

  it('--robot with a name no letter has re-sends nothing', async () => {
    await fill();
    const { code, out } = await rig.run('redrive', '--stage', STAGE, '--robot', 'nobody');
    expect(code).toBe(0);
    expect(out[0]).toBe('No dead letter of robot nobody was found.');
    expect(bodies(rig.urls.dlq)).toHaveLength(13);
  });

  it('refuses a --robot that is not a robot name, and flags other commands do not take', async () => {
    expect((await rig.run('redrive', '--stage', STAGE, '--robot', 'a b')).code).toBe(2);
    expect((await rig.run('status', '--stage', STAGE, '--robot', 'team')).code).toBe(2);
    expect((await rig.run('status')).code).toBe(2);
  });
});
