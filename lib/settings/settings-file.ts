import { stringify } from 'yaml';
import { SettingsError } from '../errors';
import { PLATFORM_CATALOG } from '../platforms/catalog';
import { inferPlatform, PLATFORM_NAMES } from '../platforms/infer-platform';
import {
  checkKeys,
  childPath,
  describeShape,
  keyPath,
  readMapping,
  type Problems,
} from './config-fields';
import { CONFIG_KEYS } from './parse-config';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  robotParameterName,
  ROBOT_NAME_PATTERN,
} from './parameters';
import { readTemplateEntries } from './read-templates';
import { readYaml } from './read-yaml';
import {
  DEFAULTS_OWNER,
  encodeTemplateValue,
  templateParameterName,
  type TemplatePart,
} from './template-parameters';

/** Everything in one file: the secrets, plus the config keys. */
const FILE_KEYS = ['gitee', ...CONFIG_KEYS] as const;

/**
 * The one local settings file (CLI push/check, local playground) as the SSM parameters it
 * stands for: `gitee.secret(s)` → `gitee/secret`, `robots.<name>.webhook|secret` →
 * `robots/<name>/…`, `robots.<name>.templates` and `defaults.templates` → one
 * `templates/<robot | defaults>/<key>/<title | text>` String each, everything else → the
 * `config` YAML. `buildSettings` of the result then
 * validates exactly as the Lambda does. Throws SettingsError naming paths, never values.
 * No `gitee:` section → no `gitee/secret` (push then keeps the one in SSM, see the CLI).
 */
export function settingsFileToParameters(text: string): Map<string, string> {
  const parsed = readYaml(text);
  if (parsed.problems.length > 0) throw invalidFile(parsed.problems);
  const problems: Problems = [];
  const top = readMapping(parsed.value, '(top level)', problems) ?? new Map<string, unknown>();
  checkKeys(top, FILE_KEYS, '', problems);
  const parameters = new Map<string, string>();
  const giteeSecrets = readGiteeSecrets(top.get('gitee'), problems);
  if (giteeSecrets) parameters.set(GITEE_SECRET_PARAMETER, giteeSecrets.join('\n'));
  const robotConfig = readRobots(top.get('robots'), parameters, problems);
  const defaults = readDefaultTemplates(top.get('defaults'), parameters, problems);
  const config = buildConfigText(new Map([...top, ['defaults', defaults]]), robotConfig);
  if (config !== undefined) parameters.set(CONFIG_PARAMETER, config);
  if (problems.length > 0) throw invalidFile(problems);
  return parameters;
}

/** The non-secret keys as the `config` YAML; undefined when there are none (no parameter). */
function buildConfigText(
  top: Map<string, unknown>,
  robotConfig: Map<string, unknown>,
): string | undefined {
  const config = new Map<string, unknown>();
  for (const key of CONFIG_KEYS) {
    const value = key === 'robots' ? robotConfig : top.get(key);
    const empty =
      value === undefined || value === null || (value instanceof Map && value.size === 0);
    if (!empty) config.set(key, value);
  }
  // Written without the file's comments: they may sit beside secrets, and SSM allows 4 KB.
  return config.size > 0 ? stringify(config, { lineWidth: 0 }) : undefined;
}

function readGiteeSecrets(value: unknown, problems: Problems): string[] | undefined {
  const gitee = readMapping(value, 'gitee', problems);
  if (!gitee) return undefined;
  checkKeys(gitee, ['secret', 'secrets'], 'gitee', problems);
  if (gitee.has('secret') === gitee.has('secrets')) {
    problems.push('gitee: must have exactly one of secret, secrets');
    return undefined;
  }
  if (gitee.has('secret')) {
    const secret = readSecretLine(gitee.get('secret'), 'gitee.secret', problems);
    return secret === undefined ? undefined : [secret];
  }
  const list = gitee.get('secrets');
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(
      `gitee.secrets: must be a list of one or more secrets (got ${describeSecretShape(list)})`,
    );
    return undefined;
  }
  const secrets = list.map((item, index) =>
    readSecretLine(item, `gitee.secrets[${index}]`, problems),
  );
  return secrets.every((secret) => secret !== undefined) ? secrets : undefined;
}

/** Moves each robot's webhook and secret into parameters; returns the rest for `config`. */
function readRobots(
  value: unknown,
  parameters: Map<string, string>,
  problems: Problems,
): Map<string, unknown> {
  const robotConfig = new Map<string, unknown>();
  const robots = readMapping(value, 'robots', problems) ?? new Map<string, unknown>();
  for (const [name, item] of robots) {
    const path = childPath('robots', name);
    if (!ROBOT_NAME_PATTERN.test(name)) {
      problems.push(
        `${keyPath('robots', name)}: robot names may only use letters, digits, _ and -`,
      );
      continue;
    }
    const robot = readMapping(item, path, problems) ?? new Map<string, unknown>();
    const webhook = readSecretLine(robot.get('webhook'), `${path}.webhook`, problems);
    if (webhook !== undefined) {
      parameters.set(robotParameterName(name, 'webhook'), storedWebhook(webhook, robot));
    }
    if (robot.has('secret')) {
      const secret = readSecretLine(robot.get('secret'), `${path}.secret`, problems);
      if (secret !== undefined) parameters.set(robotParameterName(name, 'secret'), secret);
    }
    if (robot.has('templates') && name === DEFAULTS_OWNER) {
      // Its parameters would be templates/defaults/…, where defaults.templates live.
      problems.push(
        `robots.${DEFAULTS_OWNER}.templates: a robot named ${DEFAULTS_OWNER} cannot have templates of its own (it takes defaults.templates); rename the robot`,
      );
    } else if (robot.has('templates')) {
      readTemplates(robot.get('templates'), name, parameters, problems);
    }
    const moved = ['webhook', 'secret', 'templates'];
    const rest = new Map([...robot].filter(([key]) => !moved.includes(key)));
    if (rest.size > 0) robotConfig.set(name, rest);
  }
  return robotConfig;
}

/** `defaults:` without its `templates`, which become parameters of their own. */
function readDefaultTemplates(
  value: unknown,
  parameters: Map<string, string>,
  problems: Problems,
): unknown {
  if (!(value instanceof Map) || !value.has('templates')) return value;
  readTemplates(value.get('templates'), DEFAULTS_OWNER, parameters, problems);
  const rest = new Map([...value].filter(([key]) => key !== 'templates'));
  return rest.size > 0 ? rest : undefined;
}

/** One owner's templates as `templates/<owner>/<key>/<part>` parameters, stored escaped. */
function readTemplates(
  value: unknown,
  owner: string,
  parameters: Map<string, string>,
  problems: Problems,
): void {
  const entries = readTemplateEntries(value, owner, problems);
  for (const [key, parts] of entries ?? []) {
    for (const [part, text] of Object.entries(parts) as [TemplatePart, string][]) {
      parameters.set(templateParameterName({ owner, key, part }), encodeTemplateValue(text));
    }
  }
}

/**
 * The webhook as its platform stores it: a bare WeCom key becomes the full URL here, so SSM
 * never holds a value whose meaning depends on config (a push writes webhooks before config).
 * One its platform refuses is kept as written, for buildSettings to say why.
 */
function storedWebhook(webhook: string, robot: Map<string, unknown>): string {
  const declared = robot.get('platform');
  const platform = PLATFORM_NAMES.find((name) => name === declared) ?? inferPlatform(webhook);
  const checked = PLATFORM_CATALOG[platform].checkWebhook(webhook);
  return checked.ok ? checked.webhook : webhook;
}

/**
 * A secret is described by its shape only ("a number"), never quoted. A key with nothing after
 * it is often a secret YAML read as something else: `&abc` is an anchor and `#abc` a comment.
 */
function readSecretLine(value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined) {
    problems.push(`${path}: required`);
  } else if (value === null) {
    problems.push(`${path}: empty (quote a value that starts with &, # or another YAML indicator)`);
  } else if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${path}: must be a non-empty string (got ${describeSecretShape(value)})`);
  } else if (/[\r\n]/.test(value.trim())) {
    problems.push(`${path}: must be a single line`);
  } else {
    return value.trim();
  }
  return undefined;
}

function describeSecretShape(value: unknown): string {
  return typeof value === 'number' ? 'a number; put it in quotes' : describeShape(value);
}

function invalidFile(problems: string[]): SettingsError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new SettingsError(
    [`invalid settings file (${count}):`, ...problems.map((problem) => `  ${problem}`)].join('\n'),
  );
}
