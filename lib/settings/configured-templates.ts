import type { TemplateSet } from '../templates/types';
import type { Problems } from './config-fields';
import { ROBOT_NAME_PATTERN } from './parameters';
import { checkTemplateKey, toTemplateSet, type TemplateEntries } from './read-templates';
import {
  decodeTemplateValue,
  parseTemplateParameterName,
  templateConfigPath,
  TEMPLATE_PARAMETER_PREFIX,
} from './template-parameters';
import type { ConfiguredTemplate } from './types';

/** The `templates/…` parameters read: each owner's set, and every template text by path. */
export interface ConfiguredTemplates {
  /** By owner: a robot's name, or `defaults`. */
  sets: Map<string, TemplateSet>;
  /** Every title and text, in parameter order: what the validator checks. */
  all: ConfiguredTemplate[];
}

/**
 * The message templates among the parameters under the stage path, decoded (see
 * encodeTemplateValue). Problems name the parameter when its name is wrong, else the
 * template's config path.
 */
export function readTemplateParameters(
  parameters: ReadonlyMap<string, string>,
  problems: Problems,
): ConfiguredTemplates {
  const byOwner = new Map<string, TemplateEntries>();
  const all: ConfiguredTemplate[] = [];
  for (const [name, stored] of parameters) {
    if (!name.startsWith(TEMPLATE_PARAMETER_PREFIX)) continue;
    const parsed = parseTemplateParameterName(name);
    if (parsed === null) {
      problems.push(
        `${name}: unknown parameter; expected templates/<robot or defaults>/<event or event.action>/<title or text>`,
      );
      continue;
    }
    const { owner, key, part } = parsed;
    if (!ROBOT_NAME_PATTERN.test(owner)) {
      problems.push(`${name}: robot names may only use letters, digits, _ and -`);
      continue;
    }
    if (!checkTemplateKey(key, templateConfigPath(owner), problems)) continue;
    const source = decodeTemplateValue(stored);
    const path = templateConfigPath(owner, key, part);
    if (source.trim() === '') {
      problems.push(`${path}: empty (parameter ${name})`);
      continue;
    }
    const entries = byOwner.get(owner) ?? new Map();
    entries.set(key, { ...entries.get(key), [part]: source });
    byOwner.set(owner, entries);
    all.push({ owner, key, part, path, source });
  }
  const sets = new Map<string, TemplateSet>();
  for (const [owner, entries] of byOwner) sets.set(owner, toTemplateSet(owner, entries, problems));
  return { sets, all };
}
