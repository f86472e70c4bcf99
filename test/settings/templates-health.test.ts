import { startFakeSsm, type FakeSsm } from '../../dev/fake-ssm';
import { createHealthHandler } from '../../lib/health-handler';
import { silentLogger } from '../../lib/logger';
import { createSsmSettingsSource } from '../../lib/settings/create-ssm-source';
import { readPagesWithSdk } from '../../lib/settings/load-parameters';
import { encodeTemplateValue } from '../../lib/settings/template-parameters';
import type { TemplateProblem } from '../../lib/templates/validate';
import { createTestSsmClient } from './ssm-test-client';

const STAGE = '/gitee-dingtalk/test';
const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=tokentest-health-0123';

describe('health reports templatesValid from the validator', () => {
  let ssm: FakeSsm;
  let told: TemplateProblem[][];

  beforeEach(async () => {
    ssm = await startFakeSsm({
      [`${STAGE}/robots/team/webhook`]: { value: WEBHOOK, type: 'SecureString' },
      [`${STAGE}/config`]: { value: 'robots: { team: { keywords: [Gitee] } }' },
    });
    told = [];
  });

  afterEach(async () => {
    await ssm.close();
  });

  async function health(): Promise<Record<string, unknown>> {
    const client = createTestSsmClient(ssm.endpoint);
    try {
      const settings = createSsmSettingsSource({
        readPage: readPagesWithSdk(client),
        path: STAGE,
        now: Date.now,
        ttlMs: 60_000,
        onTemplateProblems: (problems) => told.push([...problems]),
      });
      const answer = await createHealthHandler({ settings, logger: silentLogger, version: 't' })();
      expect(answer.statusCode).toBe(200);
      return JSON.parse(answer.body) as Record<string, unknown>;
    } finally {
      client.destroy();
    }
  }

  const template = (name: string, text: string) =>
    ssm.set(`${STAGE}/templates/${name}`, encodeTemplateValue(text));

  it('is true with no template at all', async () => {
    expect(await health()).toMatchObject({ ok: true, templatesValid: true });
    expect(told).toEqual([]);
  });

  it('is true when every template parses and reads only documented fields', async () => {
    template('team/push/text', '**{{ actor.name }}** pushed to {{ branch }}');
    template('defaults/default/title', '{{ summary | cut: 40 }}');
    template('defaults/default/text', '{{ summary }}');

    expect(await health()).toMatchObject({ ok: true, templatesValid: true });
  });

  it('is false, with the settings still loading, when a stored template has a mistake; the load says why', async () => {
    template('team/push/text', '{% for c in commits %}{{ c.titel }}{% endfor %}');

    const body = await health();

    expect(body).toMatchObject({ ok: true, robots: ['team'], templatesValid: false });
    expect(JSON.stringify(body)).not.toMatch(/titel|commits/);
    expect(told).toHaveLength(1);
    expect(told[0]!.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'robots.team.templates.push.text', line: 1, column: 26 },
    ]);
    expect(told[0]![0]!.message).toBe('unknown field "c.titel"; did you mean "c.title"?');
  });
});
