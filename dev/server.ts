import { errorCode } from './error-code';
import {
  DEFAULT_SETTINGS_PATH,
  portFromEnv,
  samplesDirFromEnv,
  type SamplesDir,
} from './local-paths';
import { describeLoadProblem } from './local-settings';
import { startLocalServer, type DeliveryMode, type LocalServer } from './local-server';
import { startupBanner } from './startup-banner';

export { startLocalServer, type LocalServer, type LocalServerOptions } from './local-server';
export { startupBanner } from './startup-banner';

/**
 * Queue mode unless `--direct` or DELIVERY_MODE=direct, as the "Locally, queue is the
 * default" says. Anything else is refused at start, naming the option or the variable, rather
 * than starting a relay that answers 500 to every delivery.
 */
export function deliveryModeFrom(args: readonly string[], env: NodeJS.ProcessEnv): DeliveryMode {
  for (const arg of args) {
    if (arg !== '--direct' && arg !== '--queue') {
      throw new Error(`unknown option ${arg}: npm start takes --direct or --queue`);
    }
  }
  if (args.includes('--direct')) return 'direct';
  if (args.includes('--queue')) return 'queue';
  const raw = env.DELIVERY_MODE?.trim();
  if (raw === undefined || raw === '' || raw === 'queue') return 'queue';
  if (raw === 'direct') return 'direct';
  throw new Error(`DELIVERY_MODE must be queue or direct, got "${raw}"`);
}

/** `npm start`: the playground on PORT (default 3000), until Ctrl-C. */
async function main(): Promise<void> {
  let port: number;
  let deliveryMode: DeliveryMode;
  try {
    port = portFromEnv();
    deliveryMode = deliveryModeFrom(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`Could not start the playground: ${describeLoadProblem(error)}`);
    process.exitCode = 2;
    return;
  }
  let server: LocalServer;
  let samples: SamplesDir;
  try {
    samples = samplesDirFromEnv();
    server = await startLocalServer({
      port,
      settingsPath: DEFAULT_SETTINGS_PATH,
      fixturesDir: samples.dir,
      deliveryMode,
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
