import { randomBytes } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { PlatformName } from '../lib/platforms/infer-platform';
import { parseEmulatorUrl } from './emulator-urls';
import { errorCode } from './error-code';

export interface SettingsFileOptions {
  settingsPath: string;
  examplePath: string;
}

/**
 * First start: copies the committed example to the (git-ignored) local file with fresh
 * secrets. The emulated robots' webhooks stay on playground.localhost, which stands for
 * whatever port the playground runs on, so the file never goes stale when PORT changes.
 * Editing the YAML document keeps the example's comments, which explain every setting.
 * Returns false when the file already exists.
 */
export async function createSettingsFile(options: SettingsFileOptions): Promise<boolean> {
  if (await exists(options.settingsPath)) return false;
  const document = parseDocument(await readFile(options.examplePath, 'utf8'));
  if (document.errors.length > 0) throw new Error(`${options.examplePath} is not valid YAML`);
  document.setIn(['gitee', 'secret'], randomBytes(24).toString('base64url'));
  const robots = document.get('robots');
  if (isMap(robots)) {
    for (const item of robots.items) {
      const name = isScalar(item.key) ? String(item.key.value) : '';
      const webhook = document.getIn(['robots', name, 'webhook']);
      const target = typeof webhook === 'string' ? parseEmulatorUrl(webhook) : null;
      if (target === null || !document.hasIn(['robots', name, 'secret'])) continue;
      const secret = freshSecret(target.platform);
      if (secret !== null) document.setIn(['robots', name, 'secret'], secret);
    }
  }
  try {
    // 'wx': never overwrite a file someone created meanwhile; 0600: it holds secrets.
    await writeFile(
      options.settingsPath,
      document.toString({ lineWidth: 0, flowCollectionPadding: false }),
      {
        flag: 'wx',
        mode: 0o600,
      },
    );
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** A secret shaped like the app's own: DingTalk "SEC" and 64 hex digits, Feishu a 22-character key. */
function freshSecret(platform: PlatformName): string | null {
  if (platform === 'dingtalk') return `SEC${randomBytes(32).toString('hex')}`;
  if (platform === 'feishu') return randomBytes(16).toString('base64url');
  // WeCom has no signing: a secret there is the settings error the validator names.
  return null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
