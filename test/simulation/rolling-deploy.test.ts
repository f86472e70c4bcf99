import type { QueueEntry, QueueSender } from '../../lib/delivery/ports';
import { expectInvariants, TEAM, withSim } from './scenario';

/** The webhook of the release before: the same message without `event`, at version v − 1 (0). */
function previousVersion(sender: QueueSender): QueueSender {
  return {
    sendBatch(entries, signal) {
      const old = entries.map((entry): QueueEntry => {
        const body = JSON.parse(entry.body) as Record<string, unknown>;
        delete body.event;
        return { ...entry, body: JSON.stringify({ ...body, v: 0 }) };
      });
      return sender.sendBatch(old, signal);
    },
  };
}

describe('simulation: a rolling deploy', () => {
  it('delivers messages of the previous version beside current ones', async () => {
    await withSim(
      {
        robots: [TEAM],
        containers: 2,
        senderOf: (i, sender) => (i === 0 ? previousVersion(sender) : sender),
      },
      async (sim) => {
        for (let i = 0; i < 30; i += 1) await sim.tag({ container: i % 2 });
        const bodies = sim.world.model
          .peek(sim.world.urls.delivery)
          .map((m) => JSON.parse(m.body) as { v: number });
        expect(bodies.filter((body) => body.v === 0)).toHaveLength(15);
        await expectInvariants(sim);
      },
    );
  });
});
