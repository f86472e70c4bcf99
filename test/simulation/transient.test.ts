import { expectInvariants, TEAM, withSim } from './scenario';

describe.each(['as-set', 'reset'] as const)(
  'simulation, failed visibility %s',
  (failedVisibility) => {
    it('delivers through 20 % transient -1 answers, each event once', async () => {
      await withSim({ robots: [TEAM], failedVisibility, busyShare: 0.2, seed: 5 }, async (sim) => {
        const { clock } = sim.world;
        // 60 events over two minutes, and a burst of 20 in the middle.
        for (let i = 0; i < 60; i += 1) {
          await sim.tag();
          if (i === 30) await sim.burst(20);
          await sim.world.runUntil(clock.now() + 2_000);
        }
        await sim.drain();
        const busy = sim.world.platforms.messages().filter((m) => m.errcode === -1);
        expect(busy.length).toBeGreaterThan(0);
        await expectInvariants(sim);
      });
    });
  },
);
