import { DeleteParametersCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lib/errors';
import { loadParameterRecords, type ParameterRecord } from '../../lib/settings/load-parameters';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  parameterTypeOf,
  parseRobotParameterName,
  settingsPathForStage,
} from '../../lib/settings/parameters';
import { describeSsmError } from '../../lib/settings/ssm-error';
import { validateSettingsFile, warningsFor } from './check';
import type { WriteLine } from './output';

export type ChangeAction = 'create' | 'update' | 'unchanged' | 'delete' | 'keep';

export interface Change {
  /** Relative to the stage path, as in ARCHITECTURE.md: `robots/team/webhook`. */
  name: string;
  action: ChangeAction;
  /** Why, in words: never a value. */
  reason?: string;
}

const WORDS: Record<ChangeAction, { done: string; planned: string }> = {
  create: { done: 'created', planned: 'create' },
  update: { done: 'updated', planned: 'update' },
  unchanged: { done: 'unchanged', planned: 'unchanged' },
  delete: { done: 'deleted', planned: 'delete' },
  keep: { done: 'kept', planned: 'keep' },
};

/**
 * `push --stage S --file F [--dry-run]`: validate the file as the Lambda would, compare with
 * SSM, write what differs (secrets as SecureString, config as String) and delete parameters
 * the file no longer has. gitee/secret is kept when the file has no `gitee:` section, so a
 * secret rotated with rotate-gitee-secret survives pushes of a file that leaves it out.
 */
export async function pushSettings(
  client: SSMClient,
  options: { stage: string; text: string; fileName: string; dryRun: boolean },
  out: WriteLine,
): Promise<Change[]> {
  const { parameters, settings } = validateSettingsFile(options.text);
  const path = settingsPathForStage(options.stage);
  const changes = planChanges(await loadParameterRecords(client, path), parameters);
  out(
    options.dryRun
      ? `Plan for ${path} (dry run: nothing is written):`
      : `Pushing ${options.fileName} to ${path}:`,
  );
  for (const change of changes) {
    if (!options.dryRun) await applyChange(client, path, change, parameters);
    out(formatChange(change, options.dryRun));
  }
  const changed = changes.filter((c) => c.action !== 'unchanged' && c.action !== 'keep').length;
  out(
    options.dryRun
      ? `Dry run: ${changed} change(s) not written.`
      : `Done: ${changed} change(s) written.`,
  );
  if (
    !parameters.has(GITEE_SECRET_PARAMETER) &&
    !changes.some((c) => c.name === GITEE_SECRET_PARAMETER)
  ) {
    out('warning: no gitee/secret in the file or in SSM: every Gitee delivery will be refused');
  }
  for (const warning of warningsFor(settings)) out(`warning: ${warning}`);
  return changes;
}

/** What to do with each parameter, sorted by name; types count, so a String webhook is fixed. */
export function planChanges(
  current: ReadonlyMap<string, ParameterRecord>,
  desired: ReadonlyMap<string, string>,
): Change[] {
  const names = [...new Set([...current.keys(), ...desired.keys()])].sort();
  return names.map((name): Change => {
    const stored = current.get(name);
    const wanted = desired.get(name);
    if (wanted === undefined) return removal(name, desired);
    if (!stored) return { name, action: 'create' };
    const type = parameterTypeOf(name);
    if (stored.type !== type)
      return { name, action: 'update', reason: `type ${stored.type} → ${type}` };
    return { name, action: stored.value === wanted ? 'unchanged' : 'update' };
  });
}

function removal(name: string, desired: ReadonlyMap<string, string>): Change {
  if (name === GITEE_SECRET_PARAMETER) return { name, action: 'keep', reason: 'not in the file' };
  if (name === CONFIG_PARAMETER)
    return { name, action: 'delete', reason: 'the file has no config keys' };
  const robot = parseRobotParameterName(name)?.robot;
  if (robot === undefined)
    return { name, action: 'delete', reason: 'not part of the settings layout' };
  const inFile = [...desired.keys()].some(
    (other) => parseRobotParameterName(other)?.robot === robot,
  );
  return {
    name,
    action: 'delete',
    reason: inFile
      ? `the file gives robot "${robot}" no secret`
      : `robot "${robot}" is not in the file`,
  };
}

async function applyChange(
  client: SSMClient,
  path: string,
  change: Change,
  parameters: ReadonlyMap<string, string>,
): Promise<void> {
  const fullName = `${path}/${change.name}`;
  const value = parameters.get(change.name);
  try {
    if ((change.action === 'create' || change.action === 'update') && value !== undefined) {
      const type = parameterTypeOf(change.name);
      await client.send(
        new PutParameterCommand({ Name: fullName, Value: value, Type: type, Overwrite: true }),
      );
    } else if (change.action === 'delete') {
      await client.send(new DeleteParametersCommand({ Names: [fullName] }));
    }
  } catch (error) {
    const operation = change.action === 'delete' ? 'DeleteParameters' : 'PutParameter';
    throw new SettingsError(`${describeSsmError(operation, error)} (${change.name})`, {
      cause: error,
    });
  }
}

function formatChange(change: Change, dryRun: boolean): string {
  const word = dryRun ? WORDS[change.action].planned : WORDS[change.action].done;
  const type = change.action === 'create' ? ` (${parameterTypeOf(change.name)})` : '';
  return `  ${word.padEnd(10)} ${change.name}${type}${change.reason ? `: ${change.reason}` : ''}`;
}
