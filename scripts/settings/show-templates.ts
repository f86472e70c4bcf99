import type { ParameterRecord } from '../../lib/settings/load-parameters';
import {
  decodeTemplateValue,
  DEFAULTS_OWNER,
  parseTemplateParameterName,
  TEMPLATE_PARTS,
} from '../../lib/settings/template-parameters';
import { maskTemplateText } from './mask-config';

/**
 * `show` lists the templates where the settings file has them: under `robots.<name>.templates`
 * and `defaults.templates`, each key's title and text decoded from its parameter.
 */
export function addTemplatesToView(
  view: Map<string, unknown>,
  records: ReadonlyMap<string, ParameterRecord>,
): void {
  const templates = [...records].flatMap(([name, record]) => {
    const parameter = parseTemplateParameterName(name);
    return parameter === null ? [] : [{ ...parameter, record }];
  });
  // The title before the text, as the settings file has them.
  templates.sort(
    (a, b) =>
      a.owner.localeCompare(b.owner) ||
      a.key.localeCompare(b.key) ||
      TEMPLATE_PARTS.indexOf(a.part) - TEMPLATE_PARTS.indexOf(b.part),
  );
  for (const { owner, key, part, record } of templates) {
    const home =
      owner === DEFAULTS_OWNER
        ? mappingIn(view, 'defaults')
        : mappingIn(mappingIn(view, 'robots'), owner);
    mappingIn(mappingIn(home, 'templates'), key).set(
      part,
      maskTemplateText(decodeTemplateValue(record.value)),
    );
  }
}

/** `templates: 3 parameters (String): templates/team/push/text, …`, or null when none. */
export function templateParameterLine(
  records: ReadonlyMap<string, ParameterRecord>,
): string | null {
  const names = [...records.keys()].filter((name) => parseTemplateParameterName(name) !== null);
  if (names.length === 0) return null;
  const count = names.length === 1 ? '1 parameter' : `${names.length} parameters`;
  return `templates: ${count}: ${names.sort().join(', ')}`;
}

/** The mapping under `key`, made when missing; a non-mapping there (a masked note) is replaced. */
function mappingIn(parent: Map<string, unknown>, key: string): Map<string, unknown> {
  const found = parent.get(key);
  if (found instanceof Map) return found as Map<string, unknown>;
  const made = new Map<string, unknown>();
  parent.set(key, made);
  return made;
}
