import { runSustainedLoad } from './sustained-load';

describe('simulation: 300 events a minute for 10 minutes to one robot', () => {
  it('delivers every event once, within the budget, each within 120 s', async () => {
    const result = await runSustainedLoad({ perMinute: 300, minutes: 10 });
    expect(result).toMatchObject({
      events: 3000,
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      rateLimited: 0,
    });
    expect(result.maxSendsPer60sPerRobot).toBeLessThanOrEqual(18);
    expect(result.eventToGroupP99Ms).toBeLessThanOrEqual(120_000);
    // No 180-a-minute ceiling: the backlog drains while events keep coming.
    expect(result.virtualMs).toBeLessThan(12 * 60_000);
  }, 600_000);
});
