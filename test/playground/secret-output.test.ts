import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJsonLogger } from '../../lib/logger';
import { explainSendFailure } from '../../dev/send';
import { sendPayload } from '../../dev/send-payload';
import { startLocalServer, startupBanner, type LocalServer } from '../../dev/server';
import { FIXTURE_DIR } from '../helpers/fixtures';
import {
  assertNoSecrets,
  SENTINEL_SECRETS as S,
  SENTINEL_SETTINGS_FILE,
} from '../helpers/secret-sentinels';

/**
 * Settings files as people break them, each with a secret where the validator reads it.
 * Their error messages reach `npm start`'s banner, its log lines, the page's 500 answers and
 * `npm run send`'s output.
 */
const BROKEN_FILES: Record<string, string> = {
  'the Gitee secret where the gitee mapping belongs': `gitee: ${S.giteeSecret}\n`,
  'a robot given as its SEC… line': `gitee:\n  secret: x\nrobots:\n  team: ${S.dingtalkSecret}\n`,
  'an unquoted secret starting with *': `gitee:\n  secret: *${S.giteeSecret}\n`,
  'an unquoted secret starting with |': `gitee:\n  secret: |${S.giteeSecret}\n`,
  'an unquoted secret starting with >': `gitee:\n  secret: >${S.giteeSecret}\n`,
  'a secret pasted as a line of its own': `gitee:\n  secret: x\n${S.dingtalkSecret}: x\n`,
  'the JSON form with the secret in place of gitee': JSON.stringify({ gitee: S.giteeSecret }),
  'a gitee section inside defaults': `gitee:\n  secret: x\ndefaults:\n  gitee:\n    secret: ${S.giteeSecret}\n`,
  'a token in place of a webhook URL': `gitee:\n  secret: x\nrobots:\n  team:\n    webhook: ${S.accessToken}\n`,
  'valid secrets beside a broken route': `${SENTINEL_SETTINGS_FILE}routes:\n  - robots: [nobody]\n`,
};

interface Run {
  server: LocalServer;
  settingsPath: string;
  logLines: string[];
  dir: string;
}

let run: Run;

async function startWith(settings: string): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'playground-secrets-'));
  const settingsPath = join(dir, 'settings.local.yml');
  await writeFile(settingsPath, settings);
  const logLines: string[] = [];
  const server = await startLocalServer({
    port: 0,
    settingsPath,
    fixturesDir: FIXTURE_DIR,
    logger: createJsonLogger((line) => logLines.push(line)),
  });
  return { server, settingsPath, logLines, dir };
}

afterEach(async () => {
  await run.server.close();
  await rm(run.dir, { recursive: true, force: true });
});

const banner = () =>
  startupBanner({
    server: run.server,
    samples: { dir: FIXTURE_DIR, source: 'shared' },
    settingsPath: run.settingsPath,
  });

async function answerText(path: string, method = 'GET', body?: string) {
  const response = await fetch(`${run.server.url}${path}`, { method, body });
  return { status: response.status, text: await response.text() };
}

describe('what npm start and the playground show about a broken settings file', () => {
  it.each(Object.entries(BROKEN_FILES))('never shows a secret for %s', async (_case, settings) => {
    run = await startWith(settings);

    const shown = await banner();
    const sample = await answerText('/playground/send/push-commits', 'POST');
    const webhook = await answerText('/webhooks/gitee', 'POST', '{}');
    const health = await answerText('/health');
    const sendFailure = await sendPayload({
      serverUrl: run.server.url,
      settingsPath: run.settingsPath,
      fixturesDir: FIXTURE_DIR,
      target: 'push-commits',
    }).then(
      () => 'sent',
      (error: unknown) => explainSendFailure(error, run.server.url),
    );

    // The person is still told what is wrong, and where.
    expect(shown).toContain('does not load yet');
    expect(sample.status).toBe(500);
    expect(JSON.parse(sample.text)).toEqual({ error: expect.stringMatching(/\S/) as unknown });
    expect(sendFailure).toContain('settings.local.yml');
    assertNoSecrets(
      [shown, sample.text, webhook.text, health.text, sendFailure, ...run.logLines],
      'banner, answers, send output and log lines',
    );
  });

  it('names the robots of a valid file without their webhooks or secrets', async () => {
    run = await startWith(SENTINEL_SETTINGS_FILE);

    const shown = await banner();
    const health = await answerText('/health');
    const messages = await answerText('/playground/messages');

    expect(shown).toMatch(/backend: real DingTalk robot/);
    expect(health.status).toBe(200);
    assertNoSecrets([shown, health.text, messages.text, ...run.logLines], 'banner and answers');
  });
});
