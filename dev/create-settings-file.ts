import { randomBytes } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { isMap, isScalar, parseDocument } from 'yaml';
import { parseEmulatorUrl } from './emulated-robots';
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
      if (typeof webhook !== 'string' || parseEmulatorUrl(webhook) === null) continue;
      // Real DingTalk secrets are "SEC" and 64 hex digits.
      if (document.hasIn(['robots', name, 'secret'])) {
        document.setIn(['robots', name, 'secret'], `SEC${randomBytes(32).toString('hex')}`);
      }
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

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
