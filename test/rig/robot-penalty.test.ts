import { startRobotEmulator, type RunningRobotEmulator } from '../../dev/dingtalk-robot';

const T0 = Date.UTC(2025, 0, 6, 9);
const ROBOTS = [
  { name: 'team', accessToken: 'tokentest-team', keywords: ['Gitee'] },
  { name: 'other', accessToken: 'tokentest-other' },
];
const message = (text: string) => ({ msgtype: 'text', text: { content: `Gitee ${text}` } });

describe('DingTalk emulator penalty', () => {
  let clock = T0;
  let robot: RunningRobotEmulator | undefined;
  const start = async (options: { penaltyMs?: number; enforceRateLimit?: boolean } = {}) => {
    robot = await startRobotEmulator({ robots: ROBOTS, now: () => clock, ...options });
    return robot;
  };
  const post = async (name: string, body: unknown) => {
    const response = await fetch(robot?.url(name) ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { errcode: number }).errcode;
  };

  beforeEach(() => {
    clock = T0;
  });
  afterEach(() => robot?.close());

  it('blocks a robot for 10 minutes after its 21st message in a minute, that robot only', async () => {
    await start();
    for (let i = 0; i < 20; i += 1) expect(await post('team', message(`${i}`))).toBe(0);
    expect(await post('team', message('21st'))).toBe(130101);
    expect(robot?.emulator.penaltyUntil('team')).toBe(T0 + 10 * 60_000);
    expect(await post('other', message('elsewhere'))).toBe(0);
    clock = T0 + 10 * 60_000 - 1;
    // Everything is refused in the penalty, even a message that would fail another check.
    expect(await post('team', { msgtype: 'text', text: { content: 'no keyword' } })).toBe(130101);
    clock = T0 + 10 * 60_000;
    expect(await post('team', message('after'))).toBe(0);
    expect(robot?.emulator.received.filter((m) => m.errcode === 130101)).toHaveLength(2);
  });

  it('takes penaltyMs, and no penalty at all when it is 0', async () => {
    await start({ penaltyMs: 0 });
    for (let i = 0; i < 20; i += 1) await post('team', message(`${i}`));
    expect(await post('team', message('21st'))).toBe(130101);
    clock += 60_000;
    expect(await post('team', message('a minute later'))).toBe(0);
  });

  it('can start with a robot already in its penalty', async () => {
    await start({ enforceRateLimit: false });
    robot?.emulator.penalize('team', T0 + 5 * 60_000);
    expect(await post('team', message('blocked'))).toBe(130101);
    clock += 5 * 60_000;
    expect(await post('team', message('free'))).toBe(0);
    expect(robot?.emulator.penaltyUntil('team')).toBeNull();
  });
});
