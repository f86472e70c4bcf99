import { deliver } from './ledger';
import { expectInvariants, TEAM, withSim } from './scenario';

describe('simulation: duplicates across containers', () => {
  it('delivers an event once when Gitee sends it again 30 s later', async () => {
    await withSim({ robots: [TEAM] }, async (sim) => {
      const { gitee, world, ledger } = sim;
      const token = gitee.nextToken();
      const first = await deliver(world, ledger, { token, body: gitee.tagPush(token) }, gitee);
      await world.runUntil(world.clock.now() + 30_000);
      const again = await deliver(world, ledger, { token, body: gitee.tagPush(token) }, gitee);
      expect([first.status, again.status]).toEqual([202, 202]);
      await expectInvariants(sim);
    });
  });

  it('skips a replayed signature carrying another body', async () => {
    await withSim({ robots: [TEAM] }, async (sim) => {
      const { gitee, world, ledger } = sim;
      const timestamp = world.clock.now();
      const [real, forged] = [gitee.nextToken(), gitee.nextToken()];
      const sent = await deliver(
        world,
        ledger,
        { token: real, body: {}, signed: gitee.sign(gitee.tagPush(real), timestamp) },
        gitee,
      );
      const replay = await deliver(
        world,
        ledger,
        { token: forged, body: {}, signed: gitee.sign(gitee.tagPush(forged), timestamp) },
        gitee,
      );
      expect(sent.queuedFor).toEqual(['team']);
      expect(replay.queuedFor).toEqual([]);
      expect(replay.answer).toMatchObject({ status: 'skipped' });
      await expectInvariants(sim);
    });
  });

  it('posts the PR-creation burst once when three containers take its three hooks', async () => {
    await withSim({ robots: [TEAM], containers: 3 }, async (sim) => {
      const { gitee, world, ledger } = sim;
      const token = gitee.nextToken();
      const hooks = (['open', 'test', 'assign'] as const).map((desc, container) =>
        deliver(world, ledger, { token, body: gitee.prOpened(token, desc), container }, gitee),
      );
      const answers = await Promise.all(hooks);
      expect(answers.map((a) => a.queuedFor.length).sort()).toEqual([0, 0, 1]);
      await expectInvariants(sim);
      const messages = world.platforms
        .messages()
        .filter((m) => JSON.stringify(m.message).includes(token));
      expect(messages).toHaveLength(1);
    });
  });
});
