import { deliveryModeFrom, startupBanner } from '../../dev/server';
import { FIXTURE_DIR } from '../helpers/fixtures';
import { getJson, startPlayground } from './playground-harness';

describe('the delivery mode npm start runs', () => {
  it.each([
    [[], {}, 'queue'],
    [[], { DELIVERY_MODE: 'queue' }, 'queue'],
    [[], { DELIVERY_MODE: ' direct ' }, 'direct'],
    [[], { DELIVERY_MODE: '' }, 'queue'],
    [['--direct'], {}, 'direct'],
    [['--direct'], { DELIVERY_MODE: 'queue' }, 'direct'],
    [['--queue'], { DELIVERY_MODE: 'direct' }, 'queue'],
  ])('with arguments %j and environment %j is %s', (args, env, mode) => {
    expect(deliveryModeFrom(args, env)).toBe(mode);
  });

  it('refuses a DELIVERY_MODE it does not know, naming the variable', () => {
    expect(() => deliveryModeFrom([], { DELIVERY_MODE: 'sqs' })).toThrow(
      'DELIVERY_MODE must be queue or direct, got "sqs"',
    );
  });

  it('refuses an option it does not know, naming the ones it takes', () => {
    expect(() => deliveryModeFrom(['--drect'], {})).toThrow(
      'unknown option --drect: npm start takes --direct or --queue',
    );
  });
});

describe('the playground in each delivery mode', () => {
  it.each([
    ['queue', 'Delivery          queue: an embedded queue and pacing store'],
    ['direct', 'Delivery          direct: each delivery is sent while Gitee waits'],
  ] as const)('runs %s, says so in the banner and in /health', async (mode, line) => {
    const playground = await startPlayground('test', { deliveryMode: mode });
    try {
      const banner = await startupBanner({
        server: playground.server,
        samples: { dir: FIXTURE_DIR, source: 'shared' },
        settingsPath: playground.settingsPath,
      });
      const health = await getJson<{ deliveryMode: string }>(`${playground.server.url}/health`);

      expect(playground.server.deliveryMode).toBe(mode);
      expect(banner).toContain(line);
      expect(health.deliveryMode).toBe(mode);
    } finally {
      await playground.stop();
    }
  });
});
