import type { SSMClient } from '@aws-sdk/client-ssm';
import { stringify } from 'yaml';
import { SettingsError } from '../../lib/errors';
import { inferPlatform, PLATFORM_NAMES } from '../../lib/platforms/infer-platform';
import { buildSettings } from '../../lib/settings/build-settings';
import { loadParameterRecords, type ParameterRecord } from '../../lib/settings/load-parameters';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  isKnownParameterName,
  parameterTypeOf,
  parseRobotParameterName,
  settingsPathForStage,
} from '../../lib/settings/parameters';
import { readYaml } from '../../lib/settings/read-yaml';
import { findTemplateProblems } from '../../lib/settings/template-problems';
import { maskSecret, maskUrl } from './mask';
import { maskConfig, maskRobotOptions } from './mask-config';
import type { WriteLine } from './output';
import { describeTemplateProblems } from './template-report';
import { addTemplatesToView, templateParameterLine } from './show-templates';

/**
 * `show --stage S`: what SSM holds, in the settings-file layout, every secret masked, then
 * whether the Lambda would accept it. Returns false when it would not.
 */
export async function showSettings(
  client: SSMClient,
  stage: string,
  out: WriteLine,
): Promise<boolean> {
  const path = settingsPathForStage(stage);
  const records = await loadParameterRecords(client, path);
  if (records.size === 0) {
    out(`No parameters under ${path}: push a settings file first.`);
    return true;
  }
  out(`# ${path}: ${records.size} parameter(s), secrets masked`);
  out(stringify(buildMaskedView(records), { lineWidth: 0 }).trimEnd());
  for (const line of describePlatforms(records)) out(line);
  const templates = templateParameterLine(records);
  if (templates !== null) out(templates);
  const giteeSecrets = secretLines(records.get(GITEE_SECRET_PARAMETER)?.value ?? '').length;
  if (giteeSecrets > 1) {
    out(
      `note: ${giteeSecrets} Gitee secrets: a rotation is in progress (the last one is the newest)`,
    );
  }
  for (const [name, record] of records) {
    if (!isKnownParameterName(name))
      out(`warning: ${name} (${record.type}) is not part of the settings layout`);
    else if (record.type !== parameterTypeOf(name)) {
      out(
        `warning: ${name} is stored as ${record.type}, not ${parameterTypeOf(name)}; push again to fix`,
      );
    }
  }
  let settings;
  try {
    settings = buildSettings(new Map([...records].map(([name, record]) => [name, record.value])));
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    out(error.message);
    return false;
  }
  out('Valid: the Lambda accepts these settings.');
  const problems = await findTemplateProblems(settings);
  if (problems.length === 0) return true;
  out(describeTemplateProblems(problems, settings));
  out(
    'The Lambda sets these templates aside: their robots get built-in messages until a push fixes them.',
  );
  return false;
}

function buildMaskedView(records: ReadonlyMap<string, ParameterRecord>): Map<string, unknown> {
  const view = new Map<string, unknown>();
  const giteeSecret = records.get(GITEE_SECRET_PARAMETER)?.value;
  if (giteeSecret !== undefined) {
    view.set('gitee', new Map([['secrets', secretLines(giteeSecret).map(maskSecret)]]));
  }
  const config = readConfig(records.get(CONFIG_PARAMETER)?.value);
  const robots = buildMaskedRobots(records, config?.get('robots'));
  if (robots.size > 0) view.set('robots', robots);
  if (!config) view.set('config', '(not a valid YAML mapping)');
  for (const [key, value] of maskConfig(config ?? new Map())) {
    if (key === 'robots') continue;
    // A `gitee:` that ended up in config must not hide the real gitee/secret beside it.
    view.set(view.has(key) ? `${key} (in config)` : key, value);
  }
  addTemplatesToView(view, records);
  return view;
}

/** Each robot as in the settings file: webhook, secret, then its config options. */
function buildMaskedRobots(
  records: ReadonlyMap<string, ParameterRecord>,
  configRobots: unknown,
): Map<string, Map<string, unknown>> {
  const robots = new Map<string, Map<string, unknown>>();
  const robotOf = (name: string) => {
    let robot = robots.get(name);
    if (!robot) robots.set(name, (robot = new Map()));
    return robot;
  };
  for (const key of ['webhook', 'secret'] as const) {
    for (const [name, record] of records) {
      const parameter = parseRobotParameterName(name);
      if (parameter?.key !== key) continue;
      const masked = key === 'webhook' ? maskUrl(record.value) : maskSecret(record.value);
      robotOf(parameter.robot).set(key, masked);
    }
  }
  if (!(configRobots instanceof Map)) return robots;
  for (const [name, options] of configRobots) {
    const masked = maskRobotOptions(options);
    if (!(masked instanceof Map)) continue;
    for (const [key, value] of masked) robotOf(String(name)).set(String(key), value);
  }
  return robots;
}

/**
 * Which chat app each robot with a webhook is on, and why: config's `platform` when it names
 * one, else what the webhook implies. Only platform names are printed, never a value.
 */
function describePlatforms(records: ReadonlyMap<string, ParameterRecord>): string[] {
  const config = readConfig(records.get(CONFIG_PARAMETER)?.value);
  const robots = config?.get('robots');
  const lines: string[] = [];
  for (const [name, record] of records) {
    const parameter = parseRobotParameterName(name);
    if (parameter?.key !== 'webhook') continue;
    const options = robots instanceof Map ? robots.get(parameter.robot) : undefined;
    const said = options instanceof Map ? options.get('platform') : undefined;
    const declared = PLATFORM_NAMES.find((platform) => platform === said);
    lines.push(
      declared
        ? `platform of ${parameter.robot}: ${declared} (robots.${parameter.robot}.platform)`
        : `platform of ${parameter.robot}: ${inferPlatform(record.value.trim())} (inferred from its webhook)`,
    );
  }
  return lines;
}

function secretLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The config as a mapping; null when unreadable (shown as a note, the validation says why). */
function readConfig(text: string | undefined): Map<unknown, unknown> | null {
  if (text === undefined) return new Map();
  const { value } = readYaml(text);
  return value instanceof Map ? value : null;
}
