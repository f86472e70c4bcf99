import { expectInvariants, TEAM, withSim } from './scenario';

const ROBOTS = [
  TEAM,
  {
    name: 'lark',
    platform: 'feishu' as const,
    secret: 'SECtest-lark-signing',
    keywords: ['Gitee'],
  },
  { name: 'wework', platform: 'wecom' as const },
];

describe.each(['as-set', 'reset'] as const)(
  'simulation, failed visibility %s',
  (failedVisibility) => {
    it('delivers a 40-tag burst to robots on all three platforms: complete, paced and merged', async () => {
      await withSim({ robots: ROBOTS, failedVisibility }, async (sim) => {
        const sent = await sim.burst(40);
        expect(sent.every((delivery) => delivery.status === 202)).toBe(true);
        const findings = await expectInvariants(sim);
        const accepted = sim.world.platforms.messages().filter((m) => m.errcode === 0);
        const perRobot = (robot: string) => accepted.filter((m) => m.robot === robot).length;
        // Three alone at most, then digests: a handful of messages, not 40.
        for (const robot of ['team', 'lark', 'wework'])
          expect(perRobot(robot)).toBeLessThanOrEqual(12);
        expect(findings.latencies.length).toBe(120);
      });
    });
  },
);
