import { SettingsError } from '../../lib/errors';
import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import { buildSettings } from '../../lib/settings/build-settings';
import { GITEE_SECRET_PARAMETER, MAX_PARAMETER_VALUE_BYTES } from '../../lib/settings/parameters';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import type { Settings } from '../../lib/settings/types';
import type { WriteLine } from './output';

/**
 * A settings file validated exactly as the Lambda validates SSM (buildSettings), plus SSM's own
 * size limit, so `check` passing means `push` will be accepted. Throws SettingsError.
 */
export function validateSettingsFile(text: string): {
  parameters: Map<string, string>;
  settings: Settings;
} {
  const parameters = settingsFileToParameters(text);
  const settings = buildSettings(parameters);
  const tooLarge = [...parameters]
    .map(([name, value]) => [name, Buffer.byteLength(value)] as const)
    .filter(([, bytes]) => bytes > MAX_PARAMETER_VALUE_BYTES)
    .map(
      ([name, bytes]) =>
        `  ${name}: ${bytes} bytes; SSM stores at most ${MAX_PARAMETER_VALUE_BYTES}`,
    );
  if (tooLarge.length > 0)
    throw new SettingsError(['parameter too large:', ...tooLarge].join('\n'));
  return { parameters, settings };
}

/** `check --file F`: validation only, offline; prints a summary without any secret. */
export function checkSettingsFile(text: string, fileName: string, out: WriteLine): void {
  const { parameters, settings } = validateSettingsFile(text);
  out(`${fileName}: valid`);
  out(
    parameters.has(GITEE_SECRET_PARAMETER)
      ? `  gitee secrets: ${settings.giteeSecrets.length}`
      : '  gitee secrets: none in the file (push keeps the one in SSM)',
  );
  for (const robot of settings.robots) {
    const keywords =
      robot.keywords.length > 0 ? `keywords ${robot.keywords.join(', ')}` : 'no keywords';
    const platform = PLATFORM_CATALOG[robot.platform].label;
    out(
      `  robot ${robot.name}: ${platform}, ${robot.secret ? 'signed' : 'not signed'}, ${keywords}, ${robot.msgtype}, ${robot.locale}`,
    );
  }
  out(
    `  routes: ${settings.routes ? settings.routes.length : 'none (every event goes to every robot)'}`,
  );
  out(
    `  mentions: ${Object.keys(settings.mentions).length}, ignored senders: ${settings.filters.ignoreSenders.length}`,
  );
  for (const warning of warningsFor(settings)) out(`warning: ${warning}`);
}

/**
 * Valid, but DingTalk will refuse it: a robot needs a keyword or a signature (or an IP list).
 * Only DingTalk insists on a security setting; Feishu's are optional and WeCom has none.
 */
export function warningsFor(settings: Settings): string[] {
  return settings.robots
    .filter((robot) => robot.platform === 'dingtalk')
    .filter((robot) => robot.keywords.length === 0 && robot.secret === null)
    .map(
      (robot) =>
        `robot ${robot.name} has neither keywords nor a secret; DingTalk refuses its messages unless its security setting is an IP allow-list`,
    );
}
