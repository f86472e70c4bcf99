import { Secret } from '../crypto/secret';
import { inferPlatform, type PlatformName } from '../platforms/infer-platform';
import { SettingsError } from '../errors';
import { readTemplateParameters, type ConfiguredTemplates } from './configured-templates';
import { parseConfig, type Config } from './parse-config';
import { robotMessageOptions } from './parse-message-options';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  parseRobotParameterName,
  robotParameterName,
  ROBOT_NAME_PATTERN,
} from './parameters';
import type { RobotPlatform } from './platform-rules';
import {
  checkRobotCredentials,
  type RobotCredentials,
  type RobotParameters,
} from './robot-credentials';
import { isTemplateParameterName } from './template-parameters';
import { checkTemplateOwners, robotTemplates } from './template-rules';
import type { RobotSettings, Settings } from './types';

/**
 * The parameters under the stage path (names relative to it) as validated Settings.
 * Throws SettingsError listing every problem by parameter name and config path; a message
 * never holds a parameter's value.
 */
export function buildSettings(parameters: ReadonlyMap<string, string>): Settings {
  const problems: string[] = [];
  const robotParameters = collectRobotParameters(parameters, problems);
  const inferred = new Map<string, PlatformName>();
  for (const name of [...robotParameters.keys()].sort()) {
    const webhook = robotParameters.get(name)?.webhook;
    if (webhook !== undefined) inferred.set(name, inferPlatform(webhook.trim()));
  }
  const parsed = parseConfig(parameters.get(CONFIG_PARAMETER) ?? '', inferred);
  const credentials = new Map<string, RobotCredentials & RobotPlatform>();
  for (const [name, seen] of inferred) {
    const declared = parsed.config?.robots.get(name)?.platform;
    const robot = { platform: declared ?? seen, declared: declared !== undefined };
    const checked = checkRobotCredentials(name, robotParameters.get(name) ?? {}, robot, problems);
    if (checked) credentials.set(name, { ...checked, ...robot });
  }
  if (!parsed.ok) problems.push(...parsed.problems.map((problem) => `config: ${problem}`));
  const templates = readTemplateParameters(parameters, problems);
  checkTemplateOwners(templates, [...inferred.keys()], problems);
  if (problems.length > 0 || !parsed.ok) throw new SettingsError(formatProblems(problems));
  const { routes, mentions, filters, giteeAuth, links } = parsed.config;
  const robots = orderRobotNames([...credentials.keys()], parsed.config.robots.keys()).flatMap(
    (name) => {
      const robot = credentials.get(name);
      return robot ? [createRobot(name, robot, parsed.config, templates, problems)] : [];
    },
  );
  // A template on a robot whose msgtype takes none is known once its msgtype is.
  if (problems.length > 0) throw new SettingsError(formatProblems(problems));
  return {
    giteeSecrets: readGiteeSecrets(parameters),
    giteeAuth,
    links,
    robots,
    routes,
    mentions,
    filters,
    ...(templates.all.length > 0 ? { templates: templates.all } : {}),
  };
}

function createRobot(
  name: string,
  { webhook, secret, platform }: RobotCredentials & RobotPlatform,
  config: Config,
  configured: ConfiguredTemplates,
  problems: string[],
): RobotSettings {
  const overrides = config.robots.get(name) ?? { keywords: [] };
  const options = robotMessageOptions(platform, config.defaults, overrides);
  const templates = robotTemplates(
    { name, platform, msgtype: options.msgtype },
    configured,
    problems,
  );
  return {
    ...options,
    name,
    platform,
    webhook: new Secret(webhook),
    secret: secret === null ? null : new Secret(secret),
    keywords: overrides.keywords,
    ...(templates === undefined ? {} : { templates }),
  };
}

/** The order robots appear under `robots:` in config (the operator's choice), then the rest by name. */
function orderRobotNames(names: string[], configOrder: Iterable<string>): string[] {
  const listed = [...configOrder].filter((name) => names.includes(name));
  return [...listed, ...names.filter((name) => !listed.includes(name))];
}

/** One secret per line: during a rotation both the old and the new one are accepted. */
function readGiteeSecrets(parameters: ReadonlyMap<string, string>): Secret[] {
  const text = parameters.get(GITEE_SECRET_PARAMETER) ?? '';
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => new Secret(line));
}

function collectRobotParameters(
  parameters: ReadonlyMap<string, string>,
  problems: string[],
): Map<string, RobotParameters> {
  const robots = new Map<string, RobotParameters>();
  for (const [name, value] of parameters) {
    if (name === GITEE_SECRET_PARAMETER || name === CONFIG_PARAMETER) continue;
    if (isTemplateParameterName(name)) continue;
    const robotParameter = parseRobotParameterName(name);
    if (!robotParameter) {
      problems.push(
        `${name}: unknown parameter; expected gitee/secret, config, robots/<name>/webhook, robots/<name>/secret`,
      );
    } else if (!ROBOT_NAME_PATTERN.test(robotParameter.robot)) {
      problems.push(`${name}: robot names may only use letters, digits, _ and -`);
    } else if (robotParameter.key === 'secret' && value.trim() === '') {
      problems.push(`${name}: must not be empty (delete it to stop signing)`);
    } else {
      const robot = robots.get(robotParameter.robot) ?? {};
      robot[robotParameter.key] = value;
      robots.set(robotParameter.robot, robot);
    }
  }
  for (const [robot, { webhook }] of robots) {
    if (webhook === undefined) {
      problems.push(
        `${robotParameterName(robot, 'secret')}: robot "${robot}" has no ${robotParameterName(robot, 'webhook')} parameter`,
      );
    }
  }
  return robots;
}

function formatProblems(problems: string[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [`invalid settings (${count}):`, ...problems.map((problem) => `  ${problem}`)].join('\n');
}
