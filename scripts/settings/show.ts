import type { SSMClient } from '@aws-sdk/client-ssm';
import { stringify } from 'yaml';
import { SettingsError } from '../../lib/errors';
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
import { maskSecret, maskUrl } from './mask';
import type { WriteLine } from './output';

/** Keys a robot may have in config; anything else under robots.<name> is masked, to be safe. */
const ROBOT_OPTION_KEYS = ['keywords', 'locale', 'msgtype', 'timezone', 'maxCommits', 'linkMode'];

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
  try {
    buildSettings(new Map([...records].map(([name, record]) => [name, record.value])));
    out('Valid: the Lambda accepts these settings.');
    return true;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    out(error.message);
    return false;
  }
}

function buildMaskedView(records: ReadonlyMap<string, ParameterRecord>): Map<string, unknown> {
  const view = new Map<string, unknown>();
  const giteeSecret = records.get(GITEE_SECRET_PARAMETER)?.value;
  if (giteeSecret !== undefined) {
    view.set('gitee', new Map([['secrets', secretLines(giteeSecret).map(maskSecret)]]));
  }
  const config = readConfig(records.get(CONFIG_PARAMETER)?.value);
  const robots = buildMaskedRobots(records, config.get('robots'));
  if (robots.size > 0) view.set('robots', robots);
  for (const [key, value] of config) if (key !== 'robots') view.set(String(key), value);
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
    if (!(options instanceof Map)) continue;
    for (const [key, value] of options) {
      const known = ROBOT_OPTION_KEYS.includes(String(key));
      robotOf(String(name)).set(String(key), known ? value : '(masked: not a robot option)');
    }
  }
  return robots;
}

function secretLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The config as a mapping; an unreadable one is shown as a note (the validation says why). */
function readConfig(text: string | undefined): Map<unknown, unknown> {
  if (text === undefined) return new Map();
  const { value } = readYaml(text);
  return value instanceof Map ? value : new Map([['config', '(not a valid YAML mapping)']]);
}
