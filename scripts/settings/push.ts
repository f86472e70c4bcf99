import { DeleteParametersCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lib/errors';
import { loadParameterRecords } from '../../lib/settings/load-parameters';
import {
  GITEE_SECRET_PARAMETER,
  parameterTypeOf,
  settingsPathForStage,
} from '../../lib/settings/parameters';
import { validateSettingsFile, warningsFor } from './check';
import type { WriteLine } from './output';
import { pushFailure } from './push-failure';
import { planChanges, writesToSsm, type Change, type ChangeAction } from './push-plan';

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
 * the file no longer has, in an order that keeps SSM valid after every call (planChanges).
 * gitee/secret is kept when the file has no `gitee:` section, so a secret rotated with
 * rotate-gitee-secret survives pushes of a file that leaves it out.
 */
export async function pushSettings(
  client: SSMClient,
  options: { stage: string; text: string; fileName: string; dryRun: boolean },
  out: WriteLine,
): Promise<Change[]> {
  const { parameters, settings } = await validateSettingsFile(options.text, options.fileName);
  const path = settingsPathForStage(options.stage);
  const current = await loadCurrent(client, path);
  const changes = planChanges(current, parameters);
  out(
    options.dryRun
      ? `Plan for ${path} (dry run: nothing is written):`
      : `Pushing ${options.fileName} to ${path}:`,
  );
  const written: Change[] = [];
  for (const change of changes) {
    if (!options.dryRun && writesToSsm(change)) {
      try {
        await applyChange(client, path, change, parameters);
      } catch (error) {
        throw pushFailure(error, change, { current, desired: parameters, changes, written });
      }
      written.push(change);
    }
    out(formatChange(change, options.dryRun));
  }
  const changed = changes.filter(writesToSsm).length;
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

async function loadCurrent(client: SSMClient, path: string) {
  try {
    return await loadParameterRecords(client, path);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    throw new SettingsError(`${error.message}\nNothing was written.`, { cause: error });
  }
}

/** One SSM call; the caller reports a failure with what was and was not written. */
async function applyChange(
  client: SSMClient,
  path: string,
  change: Change,
  parameters: ReadonlyMap<string, string>,
): Promise<void> {
  const fullName = `${path}/${change.name}`;
  const value = parameters.get(change.name);
  if (change.action === 'delete') {
    await client.send(new DeleteParametersCommand({ Names: [fullName] }));
  } else if (value !== undefined) {
    const type = parameterTypeOf(change.name);
    await client.send(
      new PutParameterCommand({ Name: fullName, Value: value, Type: type, Overwrite: true }),
    );
  }
}

function formatChange(change: Change, dryRun: boolean): string {
  const word = dryRun ? WORDS[change.action].planned : WORDS[change.action].done;
  const type = change.action === 'create' ? ` (${parameterTypeOf(change.name)})` : '';
  return `  ${word.padEnd(10)} ${change.name}${type}${change.reason ? `: ${change.reason}` : ''}`;
}
