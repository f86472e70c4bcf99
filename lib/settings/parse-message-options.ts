import { defaultMsgType, isMsgTypeOf, PLATFORM_CATALOG } from '../platforms/catalog';
import { PLATFORM_NAMES, type PlatformName } from '../platforms/infer-platform';
import type { DefaultOptions, LinkMode, Locale, MessageOptions } from './types';
import {
  checkKeys,
  childPath,
  describeValue,
  readEnum,
  readInteger,
  readMapping,
  readStringList,
  type Problems,
} from './config-fields';
import {
  checkKeywordCount,
  checkLinkMode,
  readAnyMsgtype,
  readRobotMsgtype,
  type RobotPlatform,
} from './platform-rules';

/** No msgtype: without a `defaults.msgtype` each robot takes its platform's first one. */
export const DEFAULT_MESSAGE_OPTIONS: Readonly<DefaultOptions> = {
  locale: 'zh-CN',
  timezone: 'Asia/Shanghai',
  maxCommits: 5,
  linkMode: 'dingtalk',
};

/** A robot's own settings from `robots.<name>` in config: only what it overrides, plus keywords. */
export interface RobotOverrides extends Partial<MessageOptions> {
  /** As config says it; undefined: the platform is inferred from the webhook. */
  platform?: PlatformName;
  keywords: string[];
}

// Records keyed by the union make the compiler insist every member is listed.
export const LOCALES = keysOf<Locale>({ 'zh-CN': true, en: true });
export const LINK_MODES = keysOf<LinkMode>({ dingtalk: true, browser: true });
export const MESSAGE_OPTION_KEYS = [
  'locale',
  'msgtype',
  'timezone',
  'maxCommits',
  'linkMode',
] as const;
/** What `robots.<name>` in config may hold: its platform, keywords and the options it overrides. */
export const ROBOT_OPTION_KEYS = ['platform', 'keywords', ...MESSAGE_OPTION_KEYS] as const;

function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

/** `defaults:` — every option, falling back to the built-in defaults (msgtype: per platform). */
export function readDefaults(value: unknown, path: string, problems: Problems): DefaultOptions {
  const mapping = withoutTemplates(readMapping(value, path, problems), path, problems);
  checkKeys(mapping, MESSAGE_OPTION_KEYS, path, problems);
  const msgtype = readAnyMsgtype(mapping.get('msgtype'), childPath(path, 'msgtype'), problems);
  return {
    ...DEFAULT_MESSAGE_OPTIONS,
    ...readOptions(mapping, path, problems),
    ...(msgtype ? { msgtype } : {}),
  };
}

/**
 * `robots.<name>:` — the options it sets and its keywords (none when absent), checked against
 * its platform: config's `platform`, else `inferred` from its webhook. Undefined there means
 * the robot has no webhook (reported elsewhere), so only the rules of every platform apply.
 */
export function readRobotOverrides(
  value: unknown,
  path: string,
  inferred: PlatformName | undefined,
  problems: Problems,
): RobotOverrides {
  const mapping = withoutTemplates(readMapping(value, path, problems), path, problems);
  checkKeys(mapping, ROBOT_OPTION_KEYS, path, problems);
  const at = (key: string) => childPath(path, key);
  const platform = readEnum(mapping.get('platform'), PLATFORM_NAMES, at('platform'), problems);
  const on = platform ?? inferred;
  const robot: RobotPlatform | undefined =
    on === undefined ? undefined : { platform: on, declared: platform !== undefined };
  const options = readOptions(mapping, path, problems);
  const msgtype = readRobotMsgtype(mapping.get('msgtype'), robot, at('msgtype'), problems);
  const keywords = readStringList(mapping.get('keywords'), at('keywords'), problems) ?? [];
  if (robot) {
    checkLinkMode(mapping.has('linkMode'), robot, at('linkMode'), problems);
    checkKeywordCount(keywords, robot, at('keywords'), problems);
  }
  return {
    ...(platform ? { platform } : {}),
    ...options,
    ...(msgtype ? { msgtype } : {}),
    keywords,
  };
}

/**
 * `templates:` belongs in the settings file, not in the `config` parameter: SSM keeps each
 * template in a parameter of its own (config has 4 KB). Said outright, not "unknown key".
 */
function withoutTemplates(
  mapping: Map<string, unknown> | undefined,
  path: string,
  problems: Problems,
): Map<string, unknown> {
  if (!mapping?.has('templates')) return mapping ?? new Map<string, unknown>();
  problems.push(
    `${childPath(path, 'templates')}: templates are not part of config; each is a templates/<robot or defaults>/<event>/<title or text> parameter, which settings push writes from the settings file`,
  );
  return new Map([...mapping].filter(([key]) => key !== 'templates'));
}

/**
 * A robot's options on its platform: its own, else the defaults where the platform has them.
 * `defaults.msgtype` reaches only robots whose platform has that msgtype, `linkMode` only
 * platforms where it means something; the rest take the platform's own.
 */
export function robotMessageOptions(
  platform: PlatformName,
  defaults: DefaultOptions,
  overrides: RobotOverrides,
): MessageOptions {
  const fallback =
    defaults.msgtype !== undefined && isMsgTypeOf(platform, defaults.msgtype)
      ? defaults.msgtype
      : defaultMsgType(platform);
  const linkMode = PLATFORM_CATALOG[platform].linkMode
    ? (overrides.linkMode ?? defaults.linkMode)
    : 'dingtalk';
  return {
    locale: overrides.locale ?? defaults.locale,
    msgtype: overrides.msgtype ?? fallback,
    timezone: overrides.timezone ?? defaults.timezone,
    maxCommits: overrides.maxCommits ?? defaults.maxCommits,
    linkMode,
  };
}

/** The options every platform has the same way: locale, timezone, maxCommits, linkMode. */
function readOptions(
  mapping: Map<string, unknown>,
  path: string,
  problems: Problems,
): Partial<Omit<MessageOptions, 'msgtype'>> {
  const at = (key: string) => childPath(path, key);
  const options: Partial<Omit<MessageOptions, 'msgtype'>> = {
    locale: readEnum(mapping.get('locale'), LOCALES, at('locale'), problems),
    timezone: readTimezone(mapping.get('timezone'), at('timezone'), problems),
    maxCommits: readInteger(
      mapping.get('maxCommits'),
      { min: 1, max: 20 },
      at('maxCommits'),
      problems,
    ),
    linkMode: readEnum(mapping.get('linkMode'), LINK_MODES, at('linkMode'), problems),
  };
  // Drop unset options so spreading over the defaults keeps them.
  for (const key of ['locale', 'timezone', 'maxCommits', 'linkMode'] as const) {
    if (options[key] === undefined) delete options[key];
  }
  return options;
}

/**
 * An IANA zone name that this runtime's Intl knows. Offsets ("+08:00") are refused: Node 20
 * rejects them while Node 22 (the Lambda runtime) accepts them, and names also handle DST.
 */
function readTimezone(value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value;
    } catch {
      // Falls through to the problem below.
    }
  }
  problems.push(
    `${path}: must be an IANA time zone such as Asia/Shanghai (got ${describeValue(value)})`,
  );
  return undefined;
}
