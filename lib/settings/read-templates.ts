import { templateKeyProblem } from '../templates/pick-template';
import type { MessageTemplate, TemplateSet } from '../templates/types';
import {
  checkKeys,
  describeShape,
  looksLikeSecret,
  readMapping,
  type Problems,
} from './config-fields';
import { templateConfigPath, TEMPLATE_PARTS, type TemplatePart } from './template-parameters';

/** One owner's templates as read, before each is checked to have a text. */
export type TemplateEntries = Map<string, Partial<Record<TemplatePart, string>>>;

/**
 * `templates:` of a robot or of `defaults:` in the settings file (issue 12, "Settings
 * (contract)"): `default`, an event or an event.action, each a mapping of `text` and an
 * optional `title`. Undefined when absent; every mistake is a problem naming its path.
 */
export function readTemplateEntries(
  value: unknown,
  owner: string,
  problems: Problems,
): TemplateEntries | undefined {
  const path = templateConfigPath(owner);
  const mapping = readMapping(value, path, problems);
  if (!mapping) return undefined;
  const entries: TemplateEntries = new Map();
  for (const [key, item] of mapping) {
    if (!checkTemplateKey(key, path, problems)) continue;
    const at = templateConfigPath(owner, key);
    if (typeof item === 'string') {
      problems.push(`${at}: must be a mapping with the template under text, as in text: |`);
      continue;
    }
    const parts = readMapping(item, at, problems);
    if (!parts) {
      problems.push(`${at}: empty; a template needs a text`);
      continue;
    }
    checkKeys(parts, TEMPLATE_PARTS, at, problems);
    const entry: Partial<Record<TemplatePart, string>> = {};
    for (const part of TEMPLATE_PARTS) {
      if (!parts.has(part)) continue;
      const text = readTemplateText(
        parts.get(part),
        templateConfigPath(owner, key, part),
        problems,
      );
      if (text !== undefined) entry[part] = text;
    }
    entries.set(key, entry);
  }
  return entries;
}

/** Whether a `templates:` key names `default`, an event or an event.action; else a problem. */
export function checkTemplateKey(key: string, path: string, problems: Problems): boolean {
  if (looksLikeSecret(key) && !/^[a-z_]+(\.[a-z_]+)?$/.test(key)) {
    problems.push(
      `${path}: a key of ${key.length} characters is not default, an event or event.action`,
    );
    return false;
  }
  const problem = templateKeyProblem(key);
  if (problem !== null) problems.push(`${path}: ${problem}`);
  return problem === null;
}

/**
 * A template text: any non-empty YAML string. A plain scalar that starts with `{{` or `{%` is
 * read by YAML as a mapping or fails, which is the usual mistake: say how to write it.
 */
function readTemplateText(value: unknown, path: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (value instanceof Map || Array.isArray(value)) {
    problems.push(
      `${path}: must be a string; YAML reads a plain value that starts with {{ as a mapping, so write the template as a block scalar (${path.split('.').pop()}: |)`,
    );
  } else {
    problems.push(`${path}: must be a non-empty string (got ${describeShape(value)})`);
  }
  return undefined;
}

/**
 * An owner's entries as the TemplateSet rendering reads: each with its text (a title alone
 * is a problem: the title is only the message's heading). Keys were checked when read.
 */
export function toTemplateSet(
  owner: string,
  entries: TemplateEntries,
  problems: Problems,
): TemplateSet {
  const set: Record<string, MessageTemplate> = {};
  for (const [key, { title, text }] of entries) {
    if (text === undefined) {
      problems.push(
        `${templateConfigPath(owner, key)}: no text; a template needs one (a title is optional)`,
      );
      continue;
    }
    set[key] = title === undefined ? { text } : { title, text };
  }
  return set;
}
