import { expectInvariants, TEAM, withSim } from './scenario';

describe('simulation: outages', () => {
  it('answers 503 queue unavailable while SQS is down, and queues again once it is back', async () => {
    await withSim({ robots: [TEAM] }, async (sim) => {
      await sim.tag();
      sim.world.outages.sqs.down = true;
      const lost = await sim.tag();
      sim.world.outages.sqs.down = false;
      expect(lost.status).toBe(503);
      expect(lost.answer).toMatchObject({
        error: 'queue unavailable',
        deliveries: [expect.objectContaining({ robot: 'team', queued: false })],
      });
      await sim.tag();
      await expectInvariants(sim);
    });
  });

  it('sends nothing and loses nothing while the consumer cannot reach DynamoDB', async () => {
    await withSim({ robots: [TEAM] }, async (sim) => {
      const { world } = sim;
      world.outages.consumerTable.down = true;
      await sim.burst(12);
      await world.runUntil(world.clock.now() + 5 * 60_000);
      expect(world.platforms.messages()).toEqual([]);
      expect(world.model.peek(world.urls.delivery).length).toBeGreaterThanOrEqual(12);
      expect(world.model.peek(world.urls.dlq)).toEqual([]);
      world.outages.consumerTable.down = false;
      await expectInvariants(sim);
    });
  });
});
