/**
 * Where message templates live in SSM (issue 12, "Where they are stored"): one String parameter
 * per template text, `templates/<robot | defaults>/<event or event.action>/<title | text>`, so
 * `config` stays under SSM's 4 KB however many templates there are.
 */

export const TEMPLATE_PARAMETER_PREFIX = 'templates/';

/** The owner segment of `defaults.templates`; a robot of that name takes the defaults. */
export const DEFAULTS_OWNER = 'defaults';

export const TEMPLATE_PARTS = ['title', 'text'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export interface TemplateParameter {
  /** A robot's name, or DEFAULTS_OWNER. */
  owner: string;
  /** `default`, an event or event.action. */
  key: string;
  part: TemplatePart;
}

export function templateParameterName({ owner, key, part }: TemplateParameter): string {
  return `${TEMPLATE_PARAMETER_PREFIX}${owner}/${key}/${part}`;
}

/** `templates/<owner>/<key>/<title|text>` → its parts; anything else → null. */
export function parseTemplateParameterName(name: string): TemplateParameter | null {
  const match = /^templates\/([^/]+)\/([^/]+)\/(title|text)$/.exec(name);
  if (!match) return null;
  return { owner: match[1]!, key: match[2]!, part: match[3] as TemplatePart };
}

export function isTemplateParameterName(name: string): boolean {
  return name.startsWith(TEMPLATE_PARAMETER_PREFIX);
}

/**
 * The template's place in the settings file, as problems name it:
 * `robots.release.templates.tag_push.text`, `defaults.templates.pull_request.merge`. A key is
 * written as the operator wrote it, dots included: the path is read by people.
 */
export function templateConfigPath(owner: string, key?: string, part?: TemplatePart): string {
  const base = owner === DEFAULTS_OWNER ? 'defaults.templates' : `robots.${owner}.templates`;
  return [base, key, part].filter((segment) => segment !== undefined).join('.');
}

/**
 * SSM refuses a String value that holds `{{ … }}` ("Parameter value can't nest another
 * parameter"), which every Liquid template does. So a template is stored with each brace and
 * backslash escaped by a backslash, and read back by undoing exactly that: `\{\{ actor.name \}\}`
 * in the console, the template itself everywhere else. A value written by hand without
 * backslashes reads as it is.
 */
export function encodeTemplateValue(text: string): string {
  return text.replace(/[\\{}]/g, (character) => `\\${character}`);
}

export function decodeTemplateValue(stored: string): string {
  return stored.replace(/\\([\\{}])/g, '$1');
}
