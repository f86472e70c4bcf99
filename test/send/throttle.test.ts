import { startRobotEmulator } from '../../dev/dingtalk-robot';
import { Secret } from '../../lib/crypto/secret';
import { createDirectDeliverer } from '../../lib/send/direct';
import type { Deliverer, DeliveryJob, DeliveryResult } from '../../lib/send/types';
import type { DingTalkMessage } from '../../lib/platforms/dingtalk/message';
import { withRobotThrottle } from '../../lib/send/throttle';
import { testRobot } from '../helpers/robots';

const message: DingTalkMessage = {
  msgtype: 'markdown',
  markdown: { title: 'Gitee push', text: '#### Gitee push' },
};

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

const ok = (job: DeliveryJob): DeliveryResult => ({ robot: job.robot.name, ok: true, attempts: 1 });

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
    const team = [{ robot: testRobot('team'), message }];
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
    const throttled = withRobotThrottle(fakeDeliverer(ok).deliverer, {
      now: () => clock,
      perMinute: 1,
    });
    const jobs = [
      { robot: testRobot('a'), message },
      { robot: testRobot('b'), message },
    ];
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
    const fake = fakeDeliverer((job) => ({
      robot: job.robot.name,
      ok: false,
      reason: 'rate_limit',
      errcode: 130101,
      error: 'rate limited',
      attempts: 1,
    }));
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock });
    const team = [{ robot: testRobot('team'), message }];
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
    const team = [{ robot: testRobot('team'), message }];
    const pending = Array.from({ length: 25 }, () => throttled.deliver(team, clock + 4000));
    gate.open();
    const results = (await Promise.all(pending)).flat();
    expect(robot.received).toBe(20);
    expect(results.filter((result) => result.ok)).toHaveLength(20);
    expect(results.filter((result) => !result.ok && result.attempts === 0)).toHaveLength(5);
  });

  it('counts two jobs for the same robot in one call as two messages', async () => {
    const robot = countingRobot(async () => {});
    const throttled = withRobotThrottle(robot.deliverer, { now: () => 0, perMinute: 1 });
    const job = { robot: testRobot('team'), message };
    const results = await throttled.deliver([job, job], 4000);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(robot.received).toBe(1);
  });

  it('gives the slot back when a message never left this container', async () => {
    let clock = 0;
    const fake = fakeDeliverer((job) => ({
      robot: job.robot.name,
      ok: false,
      reason: 'too_long',
      error: 'message too long: not sent',
      attempts: 0,
    }));
    const throttled = withRobotThrottle(fake.deliverer, { now: () => clock, perMinute: 2 });
    const team = [{ robot: testRobot('team'), message }];
    for (let i = 0; i < 5; i += 1) {
      clock += 1000;
      await throttled.deliver(team, clock + 4000);
    }
    expect(fake.seen).toHaveLength(5);
  });

  it('counts a message from when it finished, so a slow send keeps its slot a full minute after', async () => {
    let clock = 0;
    const slow: Deliverer = {
      deliver: async (jobs) => {
        clock += 3000; // the robot took 3 s to answer; DingTalk counted the message on arrival
        return jobs.map(ok);
      },
    };
    const throttled = withRobotThrottle(slow, { now: () => clock, perMinute: 1 });
    const team = [{ robot: testRobot('team'), message }];
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
      const deliverer = withRobotThrottle(createDirectDeliverer({ fetch, now: Date.now }), {
        now: Date.now,
      });
      const team = [
        { robot: testRobot('team', { webhook: new Secret(robot.url('team')) }), message },
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
});
