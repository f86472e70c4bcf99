import { createEmfWriter } from '../../../lib/metrics/emf';
import { startConsumer, type ConsumerHarness } from './harness';
import { sqsEvent } from './sqs-records';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

let h: ConsumerHarness;
let emf: string[];
beforeEach(async () => {
  emf = [];
  h = await startConsumer({
    deps: {
      metrics: createEmfWriter({
        functionName: 'gitee-dingtalk-test-deliver',
        now: () => 0,
        write: (line) => emf.push(line),
      }),
    },
  });
});
afterEach(() => h.close());

function counters(): Record<string, number>[] {
  return emf.map((line) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    const names = ['Sent', 'Merged', 'Deferred', 'DeadLettered'];
    return Object.fromEntries(
      names.filter((n) => n in parsed).map((n) => [n, parsed[n] as number]),
    );
  });
}

function outcomeLines() {
  return h.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.message === 'delivery outcome');
}

describe('deliver handler: logs and metrics', () => {
  it('counts messages sent, events merged, deferrals and dead letters in one EMF line a call', async () => {
    const four = await Promise.all([1, 2, 3, 4].map(async () => h.record(await h.body('team'))));
    await h.handler(sqsEvent(four));
    await h.handler(sqsEvent([h.tokenRecord()]));
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: -1,
      errmsg: 'busy',
      times: 1,
    });
    await h.handler(sqsEvent([await h.record(await h.body('team'))]));
    await h.handler(sqsEvent([await h.record('not json', { robot: 'team' })]));

    expect(counters()).toEqual([{ Sent: 1, Merged: 4 }, { Deferred: 1 }, { DeadLettered: 1 }]);
    const metric = JSON.parse(emf[0]!) as { _aws: { CloudWatchMetrics: unknown[] } };
    expect(metric._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'GiteeDingtalk',
        Dimensions: [['FunctionName']],
        Metrics: expect.arrayContaining([
          { Name: 'Sent', Unit: 'Count' },
          { Name: 'Merged', Unit: 'Count' },
        ]),
      },
    ]);
  });

  it('logs one line per outcome with robot, group, fate and keys, and never a secret or URL', async () => {
    h.dingtalk.emulator.setFault('team', {
      kind: 'errcode',
      errcode: 130101,
      errmsg: 'send too fast',
      times: 1,
    });
    const body = await h.body('team');
    await h.handler(sqsEvent([await h.record(body)]));
    await h.handler(sqsEvent([h.tokenRecord()]));

    const group = await h.group('team');
    expect(outcomeLines()).toEqual([
      {
        level: 'info',
        message: 'delivery outcome',
        robot: 'team',
        group,
        fate: 'deferred',
        reason: 'rate_limit',
        until: h.now() + 600_000,
        keys: [body.key],
      },
      expect.objectContaining({ fate: 'deferred', reason: 'rate_limit', keys: [body.key] }),
    ]);
    const all = h.logs.join('\n');
    for (const secret of ['SECtest', 'tokentest', 'access_token', 'http://', 'sign=']) {
      expect(all).not.toContain(secret);
    }
  });

  it('reports each outcome to observe, as the playground shows fates', async () => {
    const body = await h.body('team');
    await h.handler(sqsEvent([await h.record(body)]));

    expect(h.outcomes).toEqual([
      { fate: 'sent', robot: 'team', platform: 'dingtalk', keys: [body.key] },
    ]);
  });
});
