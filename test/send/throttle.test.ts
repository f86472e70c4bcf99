import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { Secret } from '../../lib/crypto/secret';
import type { ChatPlatform } from '../../lib/platforms/chat-platform';
import { dingtalk } from '../../lib/platforms/dingtalk';
import { feishu } from '../../lib/platforms/feishu';
import { wecom } from '../../lib/platforms/wecom';
import { createDirectDeliverer, createKeepAlivePost } from '../../lib/send/direct';
import {
  deliveryJob,
  type Deliverer,
  type DeliveryJob,
  type DeliveryResult,
} from '../../lib/send/types';
import { withRobotThrottle } from '../../lib/send/throttle';
import { testRobot } from '../helpers/robots';
import { dingtalkWithLimits, markdown, ok } from './jobs';

const message = markdown('#### Gitee push');
/** A job for the throttle, which reads only the robot's name and platform's limits. */
const job = (name: string, platform: ChatPlatform = dingtalk) =>
  deliveryJob(testRobot(name, { platform: platform.name }), platform, message);
/** The same robots at one message a minute (or two), so a test needs few sends. */
const slow = (perMinute: number) => dingtalkWithLimits({ perMinute });

/** A deliverer that answers what the test says and records what reached it. */
function fakeDeliverer(answer: (job: DeliveryJob) => DeliveryResult) {
  const seen: string[] = [];
  const deliverer: Deliverer = {
    deliver: async (jobs) =>
      jobs.map((job) => {
        seen.push(job.robot.name);
        return answer(job);
      }),
  };
  return { deliverer, seen };
}

/** A promise the test resolves when it chooses, to keep sends in flight together. */
function openLater() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A robot that counts every message that reaches it, answering once `wait()` settles. */
function countingRobot(wait: () => Promise<void>) {
  let received = 0;
  const deliverer: Deliverer = {
    deliver: async (jobs) => {
      received += jobs.length;
      await wait();
      return jobs.map(ok);
    },
  };
  return {
    deliverer,
    get received() {
      return received;
    },
  };
}

describe('withRobotThrottle', () => {
  it('holds back the 21st message to a robot within a minute, and sends again a minute later', async () => {
    let clock = 0;
    const fake = fakeDeliverer(ok);
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const team = [job('team')];
    for (let i = 0; i < 20; i += 1) {
      clock += 1000;
      expect((await throttled.deliver(team, clock + 4000))[0]).toMatchObject({ ok: true });
    }
    clock += 1000;
    const [held] = await throttled.deliver(team, clock + 4000);
    expect(held).toMatchObject({ robot: 'team', ok: false, reason: 'rate_limit', attempts: 0 });
    expect(held?.ok === false && held.error).toMatch(/20 messages .* last minute/);
    expect(fake.seen).toHaveLength(20);
    clock += 60_000;
    expect((await throttled.deliver(team, clock + 4000))[0]).toMatchObject({ ok: true });
  });

  it('counts each robot on its own and keeps results in job order', async () => {
    let clock = 0;
    const throttled = withRobotThrottle(fakeDeliverer(ok).deliverer, { now: () => clock });
    const jobs = [job('a', slow(1)), job('b', slow(1))];
    await throttled.deliver([jobs[0]!], 4000);
    clock += 10;
    const results = await throttled.deliver(jobs, 4000);
    expect(results.map((r) => [r.robot, r.ok])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('leaves a robot DingTalk has throttled alone for ten minutes', async () => {
    let clock = 0;
    const fake = fakeDeliverer((one) => ({
      robot: one.robot.name,
      platform: one.platform.name,
      ok: false,
      reason: 'rate_limit',
      errcode: 130101,
      error: 'rate limited',
      attempts: 1,
    }));
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const team = [job('team')];
    await throttled.deliver(team, 4000);
    clock += 9 * 60_000;
    const [held] = await throttled.deliver(team, clock + 4000);
    expect(held?.ok === false && held.error).toMatch(
      /throttling this robot for about 1 more minute/,
    );
    expect(fake.seen).toHaveLength(1);
    clock += 60_000;
    await throttled.deliver(team, clock + 4000);
    expect(fake.seen).toHaveLength(2);
  });

  it('reserves a slot before sending, so concurrent events never exceed the limit', async () => {
    const clock = 1000;
    const gate = openLater();
    const robot = countingRobot(() => gate.opened);
    const throttled = withRobotThrottle(robot.deliverer, { now: () => clock });
    const team = [job('team')];
    const pending = Array.from({ length: 25 }, () => throttled.deliver(team, clock + 4000));
    gate.open();
    const results = (await Promise.all(pending)).flat();
    expect(robot.received).toBe(20);
    expect(results.filter((result) => result.ok)).toHaveLength(20);
    expect(results.filter((result) => !result.ok && result.attempts === 0)).toHaveLength(5);
  });

  it('counts two jobs for the same robot in one call as two messages', async () => {
    const robot = countingRobot(async () => {});
    const throttled = withRobotThrottle(robot.deliverer, { now: () => 0 });
    const once = job('team', slow(1));
    const results = await throttled.deliver([once, once], 4000);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(robot.received).toBe(1);
  });

  it('gives the slot back when a message never left this container', async () => {
    let clock = 0;
    const fake = fakeDeliverer((one) => ({
      robot: one.robot.name,
      platform: one.platform.name,
      ok: false,
      reason: 'too_long',
      error: 'message too long: not sent',
      attempts: 0,
    }));
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const team = [job('team', slow(2))];
    for (let i = 0; i < 5; i += 1) {
      clock += 1000;
      await throttled.deliver(team, clock + 4000);
    }
    expect(fake.seen).toHaveLength(5);
  });

  it('counts a message from when it finished, so a slow send keeps its slot a full minute after', async () => {
    let clock = 0;
    const slowRobot: Deliverer = {
      deliver: async (jobs) => {
        clock += 3000; // the robot took 3 s to answer; DingTalk counted the message on arrival
        return jobs.map(ok);
      },
    };
    const throttled = withRobotThrottle(slowRobot, { now: () => clock });
    const team = [job('team', slow(1))];
    await throttled.deliver(team, 4000);
    clock = 61_000; // a minute after the send began, but not after it arrived
    const [held] = await throttled.deliver(team, clock + 4000);
    expect(held).toMatchObject({ ok: false, reason: 'rate_limit', attempts: 0 });
  });

  it('keeps a real burst under DingTalk’s limit: the emulator never answers 130101', async () => {
    const robot = await startRobotEmulator({
      robots: [{ name: 'team', accessToken: 'token-team' }],
    });
    try {
      const deliverer = withRobotThrottle(
        createDirectDeliverer({ post: createKeepAlivePost(), now: Date.now }),
        { now: Date.now },
      );
      const team = [
        deliveryJob(
          testRobot('team', { webhook: new Secret(robot.url('team')) }),
          dingtalk,
          message,
        ),
      ];
      const results: DeliveryResult[] = [];
      for (let i = 0; i < 22; i += 1)
        results.push(...(await deliverer.deliver(team, Date.now() + 2000)));
      expect(results.filter((r) => r.ok)).toHaveLength(20);
      expect(robot.emulator.received).toHaveLength(20);
      expect(robot.emulator.received.every((r) => r.errcode === 0)).toBe(true);
    } finally {
      await robot.close();
    }
  });

  it('paces a Feishu robot by its own limits: 5 a second, 100 a minute', async () => {
    let clock = 0;
    const fake = fakeDeliverer(ok);
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const lark = [job('lark', feishu)];
    for (let i = 0; i < 5; i += 1) await throttled.deliver(lark, 4000);
    const [sixth] = await throttled.deliver(lark, 4000);
    expect(sixth).toEqual({
      robot: 'lark',
      platform: 'feishu',
      ok: false,
      reason: 'rate_limit',
      error:
        "not sent: 5 messages went to this robot in the last second, Feishu's limit; one more would be refused",
      attempts: 0,
    });
    for (let i = 0; i < 19; i += 1) {
      clock += 1000;
      for (let j = 0; j < 5; j += 1) await throttled.deliver(lark, clock + 4000);
    }
    expect(fake.seen).toHaveLength(100);
    clock += 1000;
    const [overMinute] = await throttled.deliver(lark, clock + 4000);
    expect(overMinute?.ok === false && overMinute.error).toMatch(
      /^not sent: 100 messages went to this robot in the last minute, Feishu's limit/,
    );
    expect(fake.seen).toHaveLength(100);
  });

  it('holds back the 21st WeCom message in a minute while a DingTalk robot is counted apart', async () => {
    let clock = 0;
    const fake = fakeDeliverer(ok);
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const both = [job('wework', wecom), job('team')];
    for (let i = 0; i < 20; i += 1) {
      clock += 1000;
      await throttled.deliver(both, clock + 4000);
    }
    clock += 1000;
    const results = await throttled.deliver([job('wework', wecom), job('other')], clock + 4000);
    expect(results).toEqual([
      {
        robot: 'wework',
        platform: 'wecom',
        ok: false,
        reason: 'rate_limit',
        error:
          "not sent: 20 messages went to this robot in the last minute, WeCom's limit; one more would block it for a minute",
        attempts: 0,
      },
      { robot: 'other', platform: 'dingtalk', ok: true, attempts: 1 },
    ]);
  });

  it('leaves a WeCom robot alone for the minute after its 45009', async () => {
    let clock = 0;
    const fake = fakeDeliverer((one) => ({
      robot: one.robot.name,
      platform: one.platform.name,
      ok: false,
      reason: 'rate_limit',
      errcode: 45009,
      error: 'rate limited',
      attempts: 1,
    }));
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const wework = [job('wework', wecom)];
    await throttled.deliver(wework, 4000);
    clock += 30_000;
    const [held] = await throttled.deliver(wework, clock + 4000);
    expect(held?.ok === false && held.error).toBe(
      'not sent: WeCom is throttling this robot for about 1 more minute(s)',
    );
    clock += 30_000;
    await throttled.deliver(wework, clock + 4000);
    expect(fake.seen).toHaveLength(2);
  });

  it('keeps no local limit for a platform whose limits are turned off (the benchmark)', async () => {
    const fake = fakeDeliverer(ok);
    const throttled = withRobotThrottle(fake.deliverer, { now: () => 0, limitsFor: () => null });
    for (let i = 0; i < 50; i += 1) await throttled.deliver([job('team')], 4000);
    expect(fake.seen).toHaveLength(50);
  });
});
