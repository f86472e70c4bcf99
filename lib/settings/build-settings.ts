import { Secret } from '../crypto/secret';
import { inferPlatform } from '../platforms/infer-platform';
import { SettingsError } from '../errors';
import { parseConfig, type Config } from './parse-config';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  parseRobotParameterName,
  robotParameterName,
  ROBOT_NAME_PATTERN,
} from './parameters';
import { robotWebhookProblem } from './robot-webhook-host';
import type { RobotSettings, Settings } from './types';

interface RobotParameters {
  webhook?: string;
  secret?: string;
}

/**
 * The parameters under the stage path (names relative to it) as validated Settings.
 * Throws SettingsError listing every problem by parameter name and config path; a message
 * never holds a parameter's value.
 */
export function buildSettings(parameters: ReadonlyMap<string, string>): Settings {
  const problems: string[] = [];
  const robotParameters = collectRobotParameters(parameters, problems);
  const robotNames = [...robotParameters.keys()]
    .filter((name) => robotParameters.get(name)?.webhook !== undefined)
    .sort();
  for (const name of robotNames) {
    const problem = robotWebhookProblem(robotParameters.get(name)?.webhook?.trim() ?? '');
    if (problem !== null) problems.push(`${robotParameterName(name, 'webhook')}: ${problem}`);
  }
  const parsed = parseConfig(parameters.get(CONFIG_PARAMETER) ?? '', robotNames);
  if (!parsed.ok) problems.push(...parsed.problems.map((problem) => `config: ${problem}`));
  if (problems.length > 0 || !parsed.ok) throw new SettingsError(formatProblems(problems));
  const { routes, mentions, filters, giteeAuth, links } = parsed.config;
  const robots = orderRobotNames(robotNames, parsed.config.robots.keys()).map((name) =>
    createRobot(name, robotParameters.get(name) ?? {}, parsed.config),
  );
  return {
    giteeSecrets: readGiteeSecrets(parameters),
    giteeAuth,
    links,
    robots,
    routes,
    mentions,
    filters,
  };
}

function createRobot(name: string, parameters: RobotParameters, config: Config): RobotSettings {
  const { keywords = [], ...overrides } = config.robots.get(name) ?? {};
  return {
    ...config.defaults,
    ...overrides,
    name,
    platform: inferPlatform((parameters.webhook ?? '').trim()),
    webhook: new Secret((parameters.webhook ?? '').trim()),
    secret: parameters.secret === undefined ? null : new Secret(parameters.secret.trim()),
    keywords,
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
