import { ALL_MSGTYPES, PLATFORM_CATALOG, type PlatformMsgType } from '../platforms/catalog';
import { PLATFORM_NAMES, type PlatformName } from '../platforms/infer-platform';
import { describeValue, type Problems } from './config-fields';

/**
 * The rules of `robots.<name>` that depend on the robot's platform, read from PLATFORM_CATALOG
 * only: which msgtypes it has, whether `linkMode` means anything, how many keywords it takes.
 */

/** The platform a robot's options are checked against, and whether config named it. */
export interface RobotPlatform {
  platform: PlatformName;
  declared: boolean;
}

/** Where the platform came from, when config did not say it: the usual source of surprise. */
function inferredNote(robot: RobotPlatform): string {
  return robot.declared ? '' : '; platform inferred from the webhook';
}

const LINK_MODE_PLATFORMS = PLATFORM_NAMES.filter((name) => PLATFORM_CATALOG[name].linkMode)
  .map((name) => PLATFORM_CATALOG[name].label)
  .join(' and ');

/** `defaults.msgtype`: any platform's msgtype; it applies to the robots whose platform has it. */
export function readAnyMsgtype(
  value: unknown,
  path: string,
  problems: Problems,
): PlatformMsgType | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isAnyMsgtype(value)) return value;
  const each = PLATFORM_NAMES.map(
    (name) => `${PLATFORM_CATALOG[name].label} (${PLATFORM_CATALOG[name].msgtypes.join(', ')})`,
  );
  problems.push(
    `${path}: must be a msgtype of ${each.slice(0, -1).join(', ')} or ${each.at(-1)} (got ${describeValue(value)})`,
  );
  return undefined;
}

/** `robots.<name>.msgtype`: one of its platform's (any platform's while that is unknown). */
export function readRobotMsgtype(
  value: unknown,
  robot: RobotPlatform | undefined,
  path: string,
  problems: Problems,
): PlatformMsgType | undefined {
  if (robot === undefined) return readAnyMsgtype(value, path, problems);
  if (value === undefined) return undefined;
  const allowed: readonly string[] = PLATFORM_CATALOG[robot.platform].msgtypes;
  if (typeof value === 'string' && allowed.includes(value) && isAnyMsgtype(value)) return value;
  problems.push(
    `${path}: must be one of ${allowed.join(', ')} for a ${PLATFORM_CATALOG[robot.platform].label} robot (got ${describeValue(value)})${inferredNote(robot)}`,
  );
  return undefined;
}

/** `robots.<name>.linkMode` is DingTalk's: set on another platform's robot it is a mistake. */
export function checkLinkMode(
  isSet: boolean,
  robot: RobotPlatform,
  path: string,
  problems: Problems,
): void {
  if (!isSet || PLATFORM_CATALOG[robot.platform].linkMode) return;
  problems.push(
    `${path}: only ${LINK_MODE_PLATFORMS} robots have a linkMode; this is a ${PLATFORM_CATALOG[robot.platform].label} robot${inferredNote(robot)}`,
  );
}

/** `robots.<name>.keywords`: at most the platform's number, and none where it has none. */
export function checkKeywordCount(
  keywords: readonly string[],
  robot: RobotPlatform,
  path: string,
  problems: Problems,
): void {
  const { maxKeywords, label } = PLATFORM_CATALOG[robot.platform];
  if (keywords.length === 0 || keywords.length <= maxKeywords) return;
  problems.push(
    maxKeywords === 0
      ? `${path}: ${label} robots have no custom keywords; remove them${inferredNote(robot)}`
      : `${path}: at most ${maxKeywords} keywords (got ${keywords.length})`,
  );
}

function isAnyMsgtype(value: string): value is PlatformMsgType {
  return (ALL_MSGTYPES as readonly string[]).includes(value);
}
