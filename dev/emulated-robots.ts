import { parseRobotParameterName } from '../lib/settings/parameters';
import type { PlatformName } from '../lib/platforms/infer-platform';
import type { Settings } from '../lib/settings/types';
import type { EmulatedRobot } from './dingtalk-robot';
import { parseEmulatorUrl, PLAYGROUND_HOST, resolvePlaygroundWebhook } from './emulator-urls';
import type { EmulatedFeishuBot } from './fakes/feishu-bot';
import type { EmulatedWecomRobot } from './fakes/wecom-robot';

export { parseEmulatorUrl, PLAYGROUND_HOST } from './emulator-urls';

/** What each emulator of one playground answers for. */
export interface EmulatedRobots {
  dingtalk: EmulatedRobot[];
  feishu: EmulatedFeishuBot[];
  wecom: EmulatedWecomRobot[];
}

/** How the terminal names a robot of each platform. */
export const ROBOT_KIND: Readonly<Record<PlatformName, string>> = {
  dingtalk: 'DingTalk robot',
  feishu: 'Feishu bot',
  wecom: 'WeCom robot',
};

/**
 * The settings file's parameters with every playground.localhost webhook pointed at this
 * playground's port. Done before validation, so the settings rules (the platform inferred
 * from a loopback webhook's path, the Feishu and WeCom webhook checks) see the address the
 * relay will really post to.
 */
export function resolvePlaygroundParameters(
  parameters: ReadonlyMap<string, string>,
  port: number,
): Map<string, string> {
  const resolved = new Map(parameters);
  for (const [name, value] of parameters) {
    if (parseRobotParameterName(name)?.key !== 'webhook') continue;
    resolved.set(name, resolvePlaygroundWebhook(value, port));
  }
  return resolved;
}

/**
 * The robots of the settings file that this playground emulates: those whose webhook points at
 * one of its emulators' paths on its own port. Credentials, secrets and keywords come from the
 * file, so each emulator checks exactly what the real robot would. A credential already taken
 * keeps its first robot: two robots with one webhook are one robot to the platform.
 */
export function emulatedRobotsFrom(settings: Settings, port: number): EmulatedRobots {
  const robots: EmulatedRobots = { dingtalk: [], feishu: [], wecom: [] };
  const taken = new Set<string>();
  for (const robot of settings.robots) {
    const target = parseEmulatorUrl(robot.webhook.reveal());
    if (target === null || target.credential === '' || (target.port ?? port) !== port) continue;
    const { platform, credential } = target;
    if (taken.has(`${platform} ${credential}`)) continue;
    taken.add(`${platform} ${credential}`);
    const secret = robot.secret?.reveal();
    if (platform === 'dingtalk') {
      robots.dingtalk.push({
        name: robot.name,
        accessToken: credential,
        secret,
        keywords: robot.keywords,
      });
    } else if (platform === 'feishu') {
      robots.feishu.push({ name: robot.name, token: credential, secret, keywords: robot.keywords });
    } else {
      // WeCom checks neither signatures nor keywords: the key is all it knows (§2.1).
      robots.wecom.push({ name: robot.name, key: credential });
    }
  }
  return robots;
}

/**
 * One line per robot for the terminal: its platform and where its messages go. Never prints a
 * URL, token or key. Takes the settings as the playground on `port` resolved them.
 */
export function describeRobots(settings: Settings, port: number): string[] {
  return settings.robots.map((robot) => {
    const details: string[] = [robot.msgtype, robot.locale];
    if (robot.secret !== null) details.push('signed');
    if (robot.keywords.length > 0) details.push(`keywords: ${robot.keywords.join(', ')}`);
    const target = parseEmulatorUrl(robot.webhook.reveal());
    return `  ${robot.name}: ${whereItGoes(robot.platform, target, port)} [${details.join(', ')}]`;
  });
}

function whereItGoes(
  platform: PlatformName,
  target: ReturnType<typeof parseEmulatorUrl>,
  port: number,
): string {
  if (target === null) return `real ${ROBOT_KIND[platform]} (messages leave this machine)`;
  const kind = ROBOT_KIND[target.platform];
  if ((target.port ?? port) === port) return `${kind} emulated here`;
  return `${kind} emulator at port ${String(target.port)}, not this server's ${port}: write its webhook's host as ${PLAYGROUND_HOST} to follow PORT`;
}
