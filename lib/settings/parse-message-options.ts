import type { MsgType } from '../platforms/dingtalk/message';
import type { LinkMode, Locale, MessageOptions } from './types';
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

export const DEFAULT_MESSAGE_OPTIONS: Readonly<MessageOptions> = {
  locale: 'zh-CN',
  msgtype: 'markdown',
  timezone: 'Asia/Shanghai',
  maxCommits: 5,
  linkMode: 'dingtalk',
};

/** A robot's own settings from `robots.<name>` in config: only what it overrides, plus keywords. */
export interface RobotOverrides extends Partial<MessageOptions> {
  keywords: string[];
}

// Records keyed by the union make the compiler insist every member is listed.
const LOCALES = keysOf<Locale>({ 'zh-CN': true, en: true });
const MSG_TYPES = keysOf<MsgType>({ markdown: true, actionCard: true, text: true });
const LINK_MODES = keysOf<LinkMode>({ dingtalk: true, browser: true });
export const MESSAGE_OPTION_KEYS = [
  'locale',
  'msgtype',
  'timezone',
  'maxCommits',
  'linkMode',
] as const;
/** What `robots.<name>` in config may hold: its keywords and the options it overrides. */
export const ROBOT_OPTION_KEYS = ['keywords', ...MESSAGE_OPTION_KEYS] as const;
/** DingTalk lets a robot have at most 10 custom keywords. */
const MAX_KEYWORDS = 10;

function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

/** `defaults:` — every option, falling back to the built-in defaults. */
export function readDefaults(value: unknown, path: string, problems: Problems): MessageOptions {
  const mapping = readMapping(value, path, problems) ?? new Map<string, unknown>();
  checkKeys(mapping, MESSAGE_OPTION_KEYS, path, problems);
  return { ...DEFAULT_MESSAGE_OPTIONS, ...readOptions(mapping, path, problems) };
}

/** `robots.<name>:` — the options it sets, and its keywords (none when absent). */
export function readRobotOverrides(
  value: unknown,
  path: string,
  problems: Problems,
): RobotOverrides {
  const mapping = readMapping(value, path, problems) ?? new Map<string, unknown>();
  checkKeys(mapping, ROBOT_OPTION_KEYS, path, problems);
  return {
    ...readOptions(mapping, path, problems),
    keywords: readKeywords(mapping, path, problems),
  };
}

function readOptions(
  mapping: Map<string, unknown>,
  path: string,
  problems: Problems,
): Partial<MessageOptions> {
  const at = (key: string) => childPath(path, key);
  const options: Partial<MessageOptions> = {
    locale: readEnum(mapping.get('locale'), LOCALES, at('locale'), problems),
    msgtype: readEnum(mapping.get('msgtype'), MSG_TYPES, at('msgtype'), problems),
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
  for (const key of MESSAGE_OPTION_KEYS) if (options[key] === undefined) delete options[key];
  return options;
}

function readKeywords(mapping: Map<string, unknown>, path: string, problems: Problems): string[] {
  const at = childPath(path, 'keywords');
  const keywords = readStringList(mapping.get('keywords'), at, problems) ?? [];
  if (keywords.length > MAX_KEYWORDS) {
    problems.push(`${at}: at most ${MAX_KEYWORDS} keywords (got ${keywords.length})`);
  }
  return keywords;
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
