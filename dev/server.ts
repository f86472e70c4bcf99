import { errorCode } from './error-code';
import {
  DEFAULT_SETTINGS_PATH,
  portFromEnv,
  samplesDirFromEnv,
  type SamplesDir,
} from './local-paths';
import { describeLoadProblem } from './local-settings';
import { startLocalServer, type LocalServer } from './local-server';
import { startupBanner } from './startup-banner';

export { startLocalServer, type LocalServer, type LocalServerOptions } from './local-server';
export { startupBanner } from './startup-banner';

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
  console.log(await startupBanner({ server, samples, settingsPath: DEFAULT_SETTINGS_PATH }));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
