import type { Settings } from '../lib/settings/types';
import type { EmulatedRobot } from './dingtalk-robot';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A webhook URL that names the robot emulator of a playground on this machine (any port). */
export function parseEmulatorUrl(webhook: string): { port: number; accessToken: string } | null {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.pathname !== '/robot/send') return null;
  return { port: Number(url.port || 80), accessToken: url.searchParams.get('access_token') ?? '' };
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
    if (target === null || target.port !== port || target.accessToken === '') continue;
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
    const target = parseEmulatorUrl(robot.webhook.reveal());
    const details: string[] = [robot.msgtype, robot.locale];
    if (robot.secret !== null) details.push('signed');
    if (robot.keywords.length > 0) details.push(`keywords: ${robot.keywords.join(', ')}`);
    const where =
      target === null
        ? 'real DingTalk robot (messages leave this machine)'
        : target.port === port
          ? 'emulated here'
          : `points at port ${target.port}, not this server's ${port}: edit its webhook`;
    return `  ${robot.name}: ${where} [${details.join(', ')}]`;
  });
}
