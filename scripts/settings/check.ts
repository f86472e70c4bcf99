import { SettingsError } from '../../lib/errors';
import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import { buildSettings } from '../../lib/settings/build-settings';
import { GITEE_SECRET_PARAMETER, MAX_PARAMETER_VALUE_BYTES } from '../../lib/settings/parameters';
import { settingsFileToParameters } from '../../lib/settings/settings-file';
import { findTemplateProblems } from '../../lib/settings/template-problems';
import type { Settings } from '../../lib/settings/types';
import type { WriteLine } from './output';
import { describeTemplateProblems } from './template-report';
import { templateLines, templateWarnings } from './template-summary';

/**
 * A settings file validated exactly as the Lambda validates SSM (buildSettings), every
 * template parsed and checked (where the Lambda would set a faulty one aside, this refuses
 * it, with the file's line), plus SSM's own size limit, so `check` passing means `push` will
 * be accepted and every template renders. Throws SettingsError.
 */
export async function validateSettingsFile(
  text: string,
  fileName = 'the settings file',
): Promise<{ parameters: Map<string, string>; settings: Settings }> {
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
  const problems = await findTemplateProblems(settings);
  if (problems.length > 0) {
    throw new SettingsError(describeTemplateProblems(problems, settings, { text, fileName }));
  }
  return { parameters, settings };
}

/** `check --file F`: validation only, offline; prints a summary without any secret. */
export async function checkSettingsFile(
  text: string,
  fileName: string,
  out: WriteLine,
): Promise<void> {
  const { parameters, settings } = await validateSettingsFile(text, fileName);
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
  for (const line of templateLines(settings)) out(`  ${line}`);
  for (const warning of warningsFor(settings)) out(`warning: ${warning}`);
}

/**
 * Valid, but DingTalk will refuse it: a robot needs a keyword or a signature (or an IP list).
 * Only DingTalk insists on a security setting; Feishu's are optional and WeCom has none.
 */
export function warningsFor(settings: Settings): string[] {
  return [
    ...settings.robots
      .filter((robot) => robot.platform === 'dingtalk')
      .filter((robot) => robot.keywords.length === 0 && robot.secret === null)
      .map(
        (robot) =>
          `robot ${robot.name} has neither keywords nor a secret; DingTalk refuses its messages unless its security setting is an IP allow-list`,
      ),
    ...templateWarnings(settings),
  ];
}
