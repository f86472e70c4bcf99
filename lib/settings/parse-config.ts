import type { PlatformName } from '../platforms/infer-platform';
import type {
  DefaultOptions,
  Filters,
  GiteeAuth,
  LinkSettings,
  MentionTarget,
  Route,
} from './types';
import {
  checkKeys,
  childPath,
  describeName,
  describeValue,
  looksLikeSecret,
  readEnum,
  readMapping,
  readStringList,
  type Problems,
} from './config-fields';
import { readDefaults, readRobotOverrides, type RobotOverrides } from './parse-message-options';
import { readMentions } from './parse-mentions';
import { readRoutes } from './parse-routes';
import { readYaml } from './read-yaml';

export { DEFAULT_MESSAGE_OPTIONS, type RobotOverrides } from './parse-message-options';

/** The `config` parameter, validated: everything in Settings that is not a secret. */
export interface Config {
  defaults: DefaultOptions;
  /** Only robots named under `robots:` in config; the rest take the defaults. */
  robots: Map<string, RobotOverrides>;
  routes: Route[] | undefined;
  /** Null-prototype: a login such as "__proto__" or "constructor" is only a key. */
  mentions: Record<string, MentionTarget>;
  filters: Filters;
  giteeAuth: GiteeAuth;
  links: LinkSettings;
}

/** On failure, `config` is what could be read (absent when the text is not YAML at all). */
export type ConfigResult =
  { ok: true; config: Config } | { ok: false; problems: string[]; config?: Config };

export const CONFIG_KEYS = [
  'defaults',
  'robots',
  'routes',
  'mentions',
  'filters',
  'giteeAuth',
  'links',
] as const;

export const GITEE_AUTH_MODES: readonly GiteeAuth[] = ['sign', 'password', 'either'];
export const DEFAULT_GITEE_HOST = 'gitee.com';

/**
 * Parses and validates the `config` YAML (JSON is valid YAML) against the robots that have a
 * webhook, each with the platform its webhook implies (used where config names none). Every
 * problem is reported with its path: `routes[2].robots[0]: no robot "bakend"; known: backend,
 * release`. An empty text is the default config.
 */
export function parseConfig(
  text: string,
  robotPlatforms: ReadonlyMap<string, PlatformName>,
): ConfigResult {
  const parsed = readYaml(text);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const problems: Problems = [];
  const top = readMapping(parsed.value, '(top level)', problems) ?? new Map<string, unknown>();
  checkKeys(top, CONFIG_KEYS, '', problems);
  const robotNames = [...robotPlatforms.keys()];
  const config: Config = {
    defaults: readDefaults(top.get('defaults'), 'defaults', problems),
    robots: readRobots(top.get('robots'), robotPlatforms, problems),
    routes: readRoutes(top.get('routes'), robotNames, problems),
    mentions: readMentions(top.get('mentions'), problems),
    filters: readFilters(top.get('filters'), problems),
    giteeAuth: readEnum(top.get('giteeAuth'), GITEE_AUTH_MODES, 'giteeAuth', problems) ?? 'either',
    links: readLinks(top.get('links'), problems),
  };
  return problems.length > 0 ? { ok: false, problems, config } : { ok: true, config };
}

function readRobots(
  value: unknown,
  robotPlatforms: ReadonlyMap<string, PlatformName>,
  problems: Problems,
): Map<string, RobotOverrides> {
  const robots = new Map<string, RobotOverrides>();
  const robotNames = [...robotPlatforms.keys()];
  const mapping = readMapping(value, 'robots', problems) ?? new Map<string, unknown>();
  for (const [name, item] of mapping) {
    // A key pasted where a robot name belongs may be a credential: name it by shape then.
    const path = looksLikeSecret(name)
      ? `robots[${describeName(name)}]`
      : childPath('robots', name);
    if (!robotNames.includes(name)) {
      const known = robotNames.length > 0 ? robotNames.join(', ') : '(none)';
      const parameter = looksLikeSecret(name) ? '' : ` (no robots/${name}/webhook parameter)`;
      problems.push(`${path}: no robot ${describeName(name)}${parameter}; known: ${known}`);
    }
    robots.set(name, readRobotOverrides(item, path, robotPlatforms.get(name), problems));
  }
  return robots;
}

function readFilters(value: unknown, problems: Problems): Filters {
  const mapping = readMapping(value, 'filters', problems) ?? new Map<string, unknown>();
  checkKeys(mapping, ['ignoreSenders', 'skipCommitPattern'], 'filters', problems);
  return {
    ignoreSenders:
      readStringList(mapping.get('ignoreSenders'), 'filters.ignoreSenders', problems) ?? [],
    skipCommitPattern: readPattern(mapping.get('skipCommitPattern'), problems),
  };
}

function readPattern(value: unknown, problems: Problems): RegExp | null {
  const path = 'filters.skipCommitPattern';
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value === '') {
    problems.push(
      `${path}: must be a regular expression as a string (got ${describeValue(value)})`,
    );
    return null;
  }
  try {
    return new RegExp(value);
  } catch (error) {
    // V8 quotes the whole pattern ("Invalid regular expression: /…/: reason"); keep the reason.
    const reason = (error as Error).message.replace(
      /^Invalid regular expression: \/[\s\S]*\/[a-z]*: /,
      '',
    );
    problems.push(`${path}: invalid regular expression (${reason})`);
    return null;
  }
}

/**
 * `links.giteeHosts`: bare host names (with an optional port), lower-cased. gitee.com is
 * always allowed and listed first unless the operator lists it elsewhere.
 */
function readLinks(value: unknown, problems: Problems): LinkSettings {
  const mapping = readMapping(value, 'links', problems) ?? new Map<string, unknown>();
  checkKeys(mapping, ['giteeHosts'], 'links', problems);
  const listed = readStringList(mapping.get('giteeHosts'), 'links.giteeHosts', problems) ?? [];
  const hosts: string[] = [];
  listed.forEach((item, index) => {
    const host = readHost(item);
    if (host === undefined) {
      problems.push(
        `links.giteeHosts[${index}]: must be a host name such as gitee.example.com (got ${describeValue(item)})`,
      );
    } else if (!hosts.includes(host)) hosts.push(host);
  });
  if (!hosts.includes(DEFAULT_GITEE_HOST)) hosts.unshift(DEFAULT_GITEE_HOST);
  return { giteeHosts: hosts };
}

function readHost(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(trimmed) || trimmed.startsWith('.')) return undefined;
  try {
    const url = new URL(`https://${trimmed}/`);
    return url.host === trimmed || `${url.host}:443` === trimmed ? url.host : undefined;
  } catch {
    return undefined;
  }
}
