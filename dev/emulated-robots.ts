import { Secret } from '../lib/crypto/secret';
import type { Settings } from '../lib/settings/types';
import type { EmulatedRobot } from './dingtalk-robot';

/**
 * In a settings file, `http://playground.localhost/robot/send?access_token=…` names the robot
 * emulator of the running `npm start`, on whatever PORT it listens. The file then never goes
 * stale when the port changes. (`.localhost` names are this machine by definition, RFC 6761.)
 */
export const PLAYGROUND_HOST = 'playground.localhost';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface EmulatorTarget {
  /** undefined: playground.localhost, the port of whichever playground runs. */
  port: number | undefined;
  accessToken: string;
}

/** A webhook URL that names the robot emulator of a playground on this machine. */
export function parseEmulatorUrl(webhook: string): EmulatorTarget | null {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || url.pathname !== '/robot/send') return null;
  const accessToken = url.searchParams.get('access_token') ?? '';
  if (url.hostname === PLAYGROUND_HOST) return { port: undefined, accessToken };
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  return { port: Number(url.port || 80), accessToken };
}

/** The settings with every playground.localhost webhook pointed at this playground's port. */
export function resolvePlaygroundWebhooks(settings: Settings, port: number): Settings {
  const robots = settings.robots.map((robot) => {
    const webhook = robot.webhook.reveal();
    const target = parseEmulatorUrl(webhook);
    if (target === null || target.port !== undefined) return robot;
    const url = new URL(webhook);
    url.host = `127.0.0.1:${port}`;
    return { ...robot, webhook: new Secret(url.toString()) };
  });
  return { ...settings, robots };
}

/**
 * The robots of the settings file that this playground emulates: those whose webhook points at
 * its own /robot/send. Token, secret and keywords come from the file, so the emulator checks
 * exactly what the real robot would.
 */
export function emulatedRobotsFrom(settings: Settings, port: number): EmulatedRobot[] {
  const robots: EmulatedRobot[] = [];
  for (const robot of settings.robots) {
    const target = parseEmulatorUrl(robot.webhook.reveal());
    if (target === null || target.accessToken === '') continue;
    if (target.port !== undefined && target.port !== port) continue;
    if (robots.some((other) => other.accessToken === target.accessToken)) continue;
    robots.push({
      name: robot.name,
      accessToken: target.accessToken,
      secret: robot.secret?.reveal(),
      keywords: robot.keywords,
    });
  }
  return robots;
}

/** One line per robot for the terminal: where its messages go. Never prints a URL or token. */
export function describeRobots(settings: Settings, port: number): string[] {
  return settings.robots.map((robot) => {
    const details: string[] = [robot.msgtype, robot.locale];
    if (robot.secret !== null) details.push('signed');
    if (robot.keywords.length > 0) details.push(`keywords: ${robot.keywords.join(', ')}`);
    return `  ${robot.name}: ${whereItGoes(parseEmulatorUrl(robot.webhook.reveal()), port)} [${details.join(', ')}]`;
  });
}

function whereItGoes(target: EmulatorTarget | null, port: number): string {
  if (target === null) return 'real DingTalk robot (messages leave this machine)';
  if (target.port === undefined || target.port === port) return 'emulated here';
  return `points at port ${target.port}, not this server's ${port}: write its webhook's host as ${PLAYGROUND_HOST} to follow PORT`;
}
