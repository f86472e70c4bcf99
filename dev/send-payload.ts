import type { Settings } from '../lib/settings/types';
import { resolvePayload } from './fixture-files';
import { postDelivery, signDelivery, type DeliveryAnswer } from './gitee-delivery';
import { describeLoadProblem, loadSettingsFile } from './local-settings';

/** The Gitee secret the playground's deliveries are signed with: the first one configured. */
export function giteeSecretOf(settings: Settings): string {
  const secret = settings.giteeSecrets[0];
  if (secret === undefined) {
    throw new Error('the settings file has no gitee.secret: every delivery would be refused');
  }
  return secret.reveal();
}

export interface SendPayloadOptions {
  /** The playground's base URL, e.g. http://127.0.0.1:3000 */
  serverUrl: string;
  settingsPath: string;
  fixturesDir: string;
  /** A sample's name or a path to a JSON file. */
  target: string;
  /** Where a relative path is resolved from. */
  cwd?: string;
  now?: () => number;
}

/**
 * `npm run send`'s whole path, also used by the tests: read the payload, sign it with the
 * settings file's Gitee secret and a fresh timestamp, POST it to /webhooks/gitee.
 */
export async function sendPayload(options: SendPayloadOptions): Promise<DeliveryAnswer> {
  const payload = await resolvePayload(options.target, options.fixturesDir, options.cwd);
  const port = Number(new URL(options.serverUrl).port || 80);
  const settings = await loadSettingsFile(options.settingsPath, port).catch((error: unknown) => {
    throw new Error(`${options.settingsPath}: ${describeLoadProblem(error)}`, { cause: error });
  });
  const secret = giteeSecretOf(settings);
  const delivery = signDelivery(payload.text, secret, (options.now ?? Date.now)());
  return postDelivery(new URL('/webhooks/gitee', options.serverUrl).toString(), delivery);
}
