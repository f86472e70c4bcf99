import { ALL_MENTION_KEYS, ALL_MSGTYPES } from '../../lib/platforms/catalog';
import { PLATFORM_NAMES } from '../../lib/platforms/infer-platform';
import { looksLikeSecret } from '../../lib/settings/config-fields';
import { CONFIG_KEYS, GITEE_AUTH_MODES } from '../../lib/settings/parse-config';
import {
  LINK_MODES,
  LOCALES,
  MESSAGE_OPTION_KEYS,
  ROBOT_OPTION_KEYS,
} from '../../lib/settings/parse-message-options';
import { ROUTE_KEYS } from '../../lib/settings/parse-routes';
import { maskSecret, maskUrl } from './mask';

/**
 * The layout of `config` that `show` prints: values under known keys are shown, anything else
 * (an unknown key, a scalar where a mapping belongs) is masked, since a secret pasted into the
 * wrong place is the likely reason it is there. A key parse-config learns before this table
 * does is masked too, which is the safe way to be out of date.
 */
type Layout =
  | 'value'
  | { oneOf: readonly string[] }
  | { keys: Record<string, Layout> }
  | { each: Layout }
  | { items: Layout };

/**
 * Fields that take a word from a list are shown only when they hold one: anything else there
 * (a WeCom key pasted as `platform:`) may be a secret.
 */
const WORDS: Readonly<Record<string, Layout>> = {
  platform: { oneOf: PLATFORM_NAMES },
  msgtype: { oneOf: ALL_MSGTYPES },
  locale: { oneOf: LOCALES },
  linkMode: { oneOf: LINK_MODES },
};

/** Null-prototype, so a key such as "constructor" is not found on Object.prototype. */
const fields = (keys: readonly string[]): Layout => ({
  keys: Object.assign(
    Object.create(null),
    Object.fromEntries(keys.map((key) => [key, WORDS[key] ?? 'value'])),
  ),
});

export const ROBOT_OPTIONS_LAYOUT: Layout = fields(ROBOT_OPTION_KEYS);

const CONFIG_LAYOUT: Record<(typeof CONFIG_KEYS)[number], Layout> = {
  defaults: fields(MESSAGE_OPTION_KEYS),
  robots: { each: ROBOT_OPTIONS_LAYOUT },
  routes: { items: fields(ROUTE_KEYS) },
  mentions: { each: fields(ALL_MENTION_KEYS) },
  // These two lists are parse-config's own (not exported); keep them in step with it.
  filters: fields(['ignoreSenders', 'skipCommitPattern']),
  links: fields(['giteeHosts']),
  giteeAuth: { oneOf: GITEE_AUTH_MODES },
};

export const NOT_A_KEY = '(masked: not a config key)';
const NOT_A_CHOICE = '(masked: not one of its values)';

/** The config mapping (robots left to the caller) as it may be printed. */
export function maskConfig(config: ReadonlyMap<unknown, unknown>): Map<string, unknown> {
  const layout = { keys: Object.assign(Object.create(null), CONFIG_LAYOUT) };
  return maskWith(layout, config, NOT_A_KEY) as Map<string, unknown>;
}

/** One robot's options from config, masked as maskConfig does. */
export function maskRobotOptions(options: unknown): unknown {
  return maskWith(ROBOT_OPTIONS_LAYOUT, options, '(masked: not a robot option)');
}

function maskWith(layout: Layout, value: unknown, unknownKey: string): unknown {
  if (value === null || value === undefined) return null;
  if (layout === 'value') return maskValue(value);
  if ('oneOf' in layout) {
    return typeof value === 'string' && layout.oneOf.includes(value) ? value : NOT_A_CHOICE;
  }
  if ('items' in layout) {
    if (!Array.isArray(value)) return '(masked: not a list)';
    return value.map((item) => maskWith(layout.items, item, unknownKey));
  }
  if (!(value instanceof Map)) return '(masked: not a mapping)';
  const view = new Map<string, unknown>();
  for (const [key, item] of value) {
    const name = String(key);
    const inner = 'each' in layout ? layout.each : layout.keys[name];
    if (inner !== undefined) view.set(name, maskWith(inner, item, unknownKey));
    else
      view.set(looksLikeSecret(name) ? `<a key of ${name.length} characters>` : name, unknownKey);
  }
  return view;
}

/** A leaf: words, numbers and lists of them are shown, except what is shaped like a secret. */
function maskValue(value: unknown): unknown {
  if (!Array.isArray(value)) return maskScalar(value);
  return value.map(maskScalar);
}

function maskScalar(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string') return '(masked: not a value)';
  if (/^SEC\S{8}/.test(value)) return maskSecret(value);
  if (/^https?:\/\//i.test(value.trim())) return maskUrl(value);
  return value;
}

/** The robot webhook hosts: a URL on one of them in a template carries a credential. */
const ROBOT_HOSTS =
  /^(oapi\.dingtalk\.com|open\.feishu\.cn|open\.larksuite\.com|qyapi\.weixin\.qq\.com)$/i;

/**
 * A template's text as `show` prints it. Templates are not secret (String parameters, shown in
 * full so the operator can read them), but one may hold what was pasted by mistake: a robot's
 * webhook address or a SEC… signing secret is masked as elsewhere.
 */
export function maskTemplateText(text: string): string {
  return text
    .replace(/https?:\/\/[^\s)"'<>]+/gi, (url) => {
      try {
        return ROBOT_HOSTS.test(new URL(url).hostname) ? maskUrl(url) : url;
      } catch {
        return url;
      }
    })
    .replace(/\bSEC[0-9a-f]{16,}/gi, (secret) => maskSecret(secret));
}
