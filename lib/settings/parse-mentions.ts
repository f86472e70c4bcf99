import { ALL_MENTION_KEYS } from '../platforms/catalog';
import {
  checkKeys,
  childPath,
  describeValue,
  readMapping,
  readString,
  type Problems,
} from './config-fields';
import type { MentionTarget } from './types';

/** `mentions:` — Gitee login → identities. Null-prototype: a login "__proto__" is only a key. */
export function readMentions(value: unknown, problems: Problems): Record<string, MentionTarget> {
  const mentions: Record<string, MentionTarget> = Object.create(null);
  const mapping = readMapping(value, 'mentions', problems) ?? new Map<string, unknown>();
  for (const [login, item] of mapping) {
    const target = readMentionTarget(item, childPath('mentions', login), problems);
    if (target) mentions[login] = target;
  }
  return mentions;
}

/**
 * A login's identities: any non-empty subset of the keys some platform reads (each platform
 * uses only its own; a login with none for it is shown by name there).
 */
function readMentionTarget(
  value: unknown,
  path: string,
  problems: Problems,
): MentionTarget | undefined {
  const mapping = readMapping(value, path, problems);
  if (!mapping) {
    if (value === null || value === undefined)
      problems.push(`${path}: must be a mapping (got nothing)`);
    return undefined;
  }
  checkKeys(mapping, ALL_MENTION_KEYS, path, problems);
  if (!ALL_MENTION_KEYS.some((key) => mapping.has(key))) {
    problems.push(`${path}: must have at least one of ${ALL_MENTION_KEYS.join(', ')}`);
    return undefined;
  }
  const target: MentionTarget = {};
  for (const key of ALL_MENTION_KEYS) {
    if (!mapping.has(key)) continue;
    const id = readMentionId(mapping.get(key), childPath(path, key), problems);
    if (id !== undefined) target[key] = id;
  }
  return Object.keys(target).length > 0 ? target : undefined;
}

/**
 * One person's id: chat apps never put spaces in one (a mobile pasted as "138 0000 0000" would
 * never ping), and "all" is how Feishu and WeCom spell everyone.
 */
function readMentionId(value: unknown, path: string, problems: Problems): string | undefined {
  const id = readString(value, path, problems)?.trim();
  if (id === undefined) return undefined;
  if (/\s/.test(id)) {
    problems.push(`${path}: must be one id without spaces (got ${describeValue(id)})`);
  } else if (/^@?all$/i.test(id)) {
    problems.push(`${path}: "${id}" would mention everyone; use atAll on a route for that`);
  } else {
    return id;
  }
  return undefined;
}
