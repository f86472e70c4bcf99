import type { Platforms, SimRobot } from './platforms';

export const STAGE = 'sim';
export const STAGE_PATH = `/gitee-dingtalk/${STAGE}`;
export const GITEE_SECRET = 'gitee-simulation-secret-0001';

/** The robot's config entry (WeCom takes no keywords: even an empty list is an error there). */
function robotConfig(robot: SimRobot): string {
  return robot.platform === 'wecom'
    ? `  ${robot.name}: {}`
    : `  ${robot.name}:\n    keywords: ${JSON.stringify(robot.keywords ?? [])}`;
}

export function configYaml(robots: readonly SimRobot[]): string {
  return ['robots:', ...robots.map(robotConfig)].join('\n');
}

/** The SSM parameters under the stage path: Gitee's secret, each robot's webhook and secret, config. */
export function settingsParameters(
  robots: readonly SimRobot[],
  platforms: Platforms,
): Map<string, string> {
  const parameters = new Map<string, string>([['gitee/secret', GITEE_SECRET]]);
  for (const robot of robots) {
    parameters.set(`robots/${robot.name}/webhook`, platforms.url(robot));
    if (robot.secret !== undefined) parameters.set(`robots/${robot.name}/secret`, robot.secret);
  }
  parameters.set('config', configYaml(robots));
  return parameters;
}
