import { relative } from 'node:path';
import { describeRobots } from './emulated-robots';
import { errorCode } from './error-code';
import {
  DEFAULT_SETTINGS_PATH,
  describeSamplesDir,
  portFromEnv,
  samplesDirFromEnv,
  type SamplesDir,
} from './local-paths';
import { describeLoadProblem, loadSettingsFile } from './local-settings';
import { startLocalServer, type LocalServer } from './local-server';

export { startLocalServer, type LocalServer, type LocalServerOptions } from './local-server';

/** `npm start`: the playground on PORT (default 3000), until Ctrl-C. */
async function main(): Promise<void> {
  const port = portFromEnv();
  let server: LocalServer;
  let samples: SamplesDir;
  try {
    samples = samplesDirFromEnv();
    server = await startLocalServer({
      port,
      settingsPath: DEFAULT_SETTINGS_PATH,
      fixturesDir: samples.dir,
    });
  } catch (error) {
    const inUse = errorCode(error) === 'EADDRINUSE';
    console.error(
      inUse
        ? `Port ${port} is in use. Start on another one: PORT=${port + 1} npm start`
        : `Could not start the playground: ${describeLoadProblem(error)}`,
    );
    process.exitCode = 1;
    return;
  }
  await printBanner(server, samples);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function printBanner(server: LocalServer, samples: SamplesDir): Promise<void> {
  const file = relative(process.cwd(), DEFAULT_SETTINGS_PATH) || DEFAULT_SETTINGS_PATH;
  const lines = [''];
  if (server.createdSettings) {
    lines.push(
      `Created ${file} from settings.example.yml with a new Gitee secret and robot secret.`,
      '  It is git-ignored. Edit it to change robots, keywords, routes or mentions: changes apply',
      '  within 2 s. Replace a webhook with a real https://oapi.dingtalk.com/robot/send?… URL',
      '  (and its SEC… secret) to send to a real DingTalk group.',
      '',
    );
  }
  try {
    const settings = await loadSettingsFile(DEFAULT_SETTINGS_PATH);
    lines.push(`Robots in ${file}:`, ...describeRobots(settings, server.port));
  } catch (error) {
    lines.push(`${file} does not load yet: ${describeLoadProblem(error)}`);
  }
  lines.push(
    '',
    `Preview page      ${server.url}/`,
    `Gitee webhook     POST ${server.url}/webhooks/gitee   (signed with gitee.secret in ${file})`,
    `Health            GET  ${server.url}/health`,
    `Robot emulator    POST ${server.url}/robot/send?access_token=…`,
    `Samples           ${describeSamplesDir(samples)}`,
    '',
    `Send a sample:    ${server.port === 3000 ? '' : `PORT=${server.port} `}npm run send -- push-commits`,
    '',
  );
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
