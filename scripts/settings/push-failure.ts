import { SettingsError } from '../../lib/errors';
import { buildSettings } from '../../lib/settings/build-settings';
import type { ParameterRecord } from '../../lib/settings/load-parameters';
import { describeSsmError } from '../../lib/settings/ssm-error';
import { writesToSsm, type Change } from './push-plan';

export interface PushProgress {
  current: ReadonlyMap<string, ParameterRecord>;
  desired: ReadonlyMap<string, string>;
  /** Every change, in push order. */
  changes: readonly Change[];
  /** The ones SSM confirmed. */
  written: readonly Change[];
}

/**
 * The error for a push that stopped at `failed`: the SSM failure, then by name what was written,
 * what was not, and whether the Lambda accepts what SSM holds now. Names only, never values.
 */
export function pushFailure(error: unknown, failed: Change, progress: PushProgress): SettingsError {
  const operation = failed.action === 'delete' ? 'DeleteParameters' : 'PutParameter';
  // An error answer means SSM refused the call; no answer (a timeout, a reset) leaves it open.
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata;
  const refused = typeof status?.httpStatusCode === 'number';
  const after = progress.changes.slice(progress.changes.indexOf(failed) + 1).filter(writesToSsm);
  const lines = [
    `${describeSsmError(operation, error)} (${failed.name})`,
    `Written: ${list(progress.written)}`,
    `Not written: ${list(refused ? [failed, ...after] : after)}`,
    ...(refused ? [] : [`Unknown (no answer from SSM): ${list([failed])}`]),
    describeStoredState(
      progress,
      refused ? [progress.written] : [progress.written, [...progress.written, failed]],
    ),
  ];
  return new SettingsError(lines.join('\n'), { cause: error });
}

function list(changes: readonly Change[]): string {
  return changes.length === 0
    ? 'nothing'
    : changes.map((c) => `${c.name} (${c.action})`).join(', ');
}

/** Whether the Lambda would accept SSM now, for each way the stored state may have ended. */
function describeStoredState(
  progress: PushProgress,
  outcomes: ReadonlyArray<readonly Change[]>,
): string {
  const valid = outcomes.filter((written) => accepts(storedAfter(progress, written))).length;
  if (valid === outcomes.length) {
    return 'The settings now in SSM are valid: the Lambda keeps working. Push again to finish.';
  }
  const state = valid === 0 ? 'are not valid' : 'may not be valid';
  return `The settings now in SSM ${state}: cold starts answer 500 until a push succeeds.`;
}

function storedAfter(progress: PushProgress, written: readonly Change[]): Map<string, string> {
  const stored = new Map([...progress.current].map(([name, record]) => [name, record.value]));
  for (const change of written) {
    const value = progress.desired.get(change.name);
    if (change.action === 'delete' || value === undefined) stored.delete(change.name);
    else stored.set(change.name, value);
  }
  return stored;
}

function accepts(parameters: ReadonlyMap<string, string>): boolean {
  try {
    buildSettings(parameters);
    return true;
  } catch (error) {
    if (error instanceof SettingsError) return false;
    throw error;
  }
}
