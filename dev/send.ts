import { relative } from 'node:path';
import { errorCode } from './error-code';
import { UnknownFixtureError } from './fixture-files';
import { DEFAULT_SETTINGS_PATH, portFromEnv, samplesDirFromEnv } from './local-paths';
import { fateReport } from './send-fate';
import { sendPayload } from './send-payload';

const USAGE = `Usage: npm run send -- <sample name | path/to/payload.json>
  Signs the payload with gitee.secret from settings.local.yml and posts it to the playground
  (npm start) at http://127.0.0.1:\${PORT:-3000}/webhooks/gitee.
  Samples come from GITEE_SAMPLES_DIR, else ../shared/fixtures/gitee when it exists,
  else dev/samples.
  Example: npm run send -- push-commits`;

/** Why sending failed, in words that say what to do next. */
export function explainSendFailure(error: unknown, serverUrl: string): string {
  if (error instanceof UnknownFixtureError) {
    const where = error.dir === undefined ? '' : ` in ${relative(process.cwd(), error.dir) || '.'}`;
    return [
      `No sample named "${error.requested}"${where} (GITEE_SAMPLES_DIR picks another folder). Samples:`,
      ...error.known.map((name) => `  ${name}`),
    ].join('\n');
  }
  if (errorCode(error) === 'ECONNREFUSED') {
    return `Nothing answers at ${serverUrl}. Start the playground first: npm start (PORT must match).`;
  }
  return `Could not send: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(args: string[]): Promise<number> {
  const target = args[0];
  if (target === undefined || target === '--help' || target === '-h' || args.length > 1) {
    console.error(USAGE);
    return target === '--help' || target === '-h' ? 0 : 2;
  }
  const serverUrl = `http://127.0.0.1:${portFromEnv()}`;
  try {
    const {
      status,
      answer,
      eventKeys = [],
    } = await sendPayload({
      serverUrl,
      settingsPath: DEFAULT_SETTINGS_PATH,
      fixturesDir: samplesDirFromEnv().dir,
      target,
      // npm runs scripts in the project folder; a relative path means the caller's folder.
      cwd: process.env.INIT_CWD ?? process.cwd(),
    });
    console.log(`HTTP ${status}`);
    console.log(typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2));
    // Queue mode: the answer says queued; what happened next is on the playground's feed.
    if (eventKeys.length > 0)
      console.log(`\n${(await fateReport(serverUrl, eventKeys)).join('\n')}`);
    return status < 300 ? 0 : 1;
  } catch (error) {
    console.error(explainSendFailure(error, serverUrl));
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
