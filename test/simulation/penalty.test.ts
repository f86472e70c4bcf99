import { expectInvariants, TEAM, withSim } from './scenario';

describe.each(['as-set', 'reset'] as const)(
  'simulation, failed visibility %s',
  (failedVisibility) => {
    it('learns a penalty DingTalk already holds with one 130101, then delivers everything after it', async () => {
      await withSim({ robots: [TEAM], failedVisibility }, async (sim) => {
        const { clock, platforms } = sim.world;
        const penaltyEnds = clock.now() + 7 * 60_000;
        platforms.dingtalk.emulator.penalize('team', penaltyEnds);
        for (let minute = 0; minute < 3; minute += 1) {
          await sim.burst(5);
          await sim.world.runUntil(clock.now() + 60_000);
        }
        const during = platforms.messages().filter((m) => m.at < penaltyEnds);
        expect(during.map((m) => m.errcode)).toEqual([130101]);
        await expectInvariants(sim, { learned: 1 });
        const firstAccepted = platforms.messages().find((m) => m.errcode === 0);
        expect(firstAccepted?.at).toBeGreaterThanOrEqual(penaltyEnds);
      });
    });
  },
);
