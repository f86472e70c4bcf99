import type { ParameterRecord } from '../../lib/settings/load-parameters';
import {
  CONFIG_PARAMETER,
  GITEE_SECRET_PARAMETER,
  parameterTypeOf,
  parseRobotParameterName,
} from '../../lib/settings/parameters';
import {
  parseTemplateParameterName,
  templateConfigPath,
} from '../../lib/settings/template-parameters';

export type ChangeAction = 'create' | 'update' | 'unchanged' | 'delete' | 'keep';

export interface Change {
  /** Relative to the stage path, as in ARCHITECTURE.md: `robots/team/webhook`. */
  name: string;
  action: ChangeAction;
  /** Why, in words: never a value. */
  reason?: string;
}

/** Changes that call SSM; `unchanged` and `keep` are only reported. */
export function writesToSsm(change: Change): boolean {
  return change.action === 'create' || change.action === 'update' || change.action === 'delete';
}

/**
 * What to do with each parameter, in the order to do it; types count, so a String webhook is
 * fixed. See pushOrder for why the order matters.
 */
export function planChanges(
  current: ReadonlyMap<string, ParameterRecord>,
  desired: ReadonlyMap<string, string>,
): Change[] {
  const names = [...new Set([...current.keys(), ...desired.keys()])];
  const changes = names.map((name): Change => {
    const stored = current.get(name);
    const wanted = desired.get(name);
    if (wanted === undefined) return removal(name, desired);
    if (!stored) return { name, action: 'create' };
    const type = parameterTypeOf(name);
    if (stored.type !== type)
      return { name, action: 'update', reason: `type ${stored.type} → ${type}` };
    return { name, action: stored.value === wanted ? 'unchanged' : 'update' };
  });
  return changes.sort((a, b) => pushOrder(a) - pushOrder(b) || a.name.localeCompare(b.name));
}

/**
 * A push is many calls, and it may stop at any of them; the Lambda reads whatever is stored
 * then. Config is checked against the robots that have a webhook, and a robot secret needs its
 * webhook, so: secrets and webhooks first (a new robot's webhook before its secret), config
 * once every robot it names exists, deletions last (config, then secrets, then the webhooks
 * config no longer names). Templates need their robot's webhook and a msgtype that takes them,
 * which config sets: templates the file drops go before config is written (a robot may be
 * turning to text), new ones after config and its deletion (it may be turning to markdown),
 * and both before any webhook goes. Stopping after any call leaves settings the Lambda
 * accepts, if the stored ones and the file both were.
 */
function pushOrder(change: Change): number {
  const kind =
    change.name === GITEE_SECRET_PARAMETER || change.name === CONFIG_PARAMETER
      ? change.name
      : parseTemplateParameterName(change.name)
        ? 'template'
        : (parseRobotParameterName(change.name)?.key ?? 'other');
  // Unchanged and kept parameters sit with the writes, so the report reads in one order.
  const step = PUSH_STEPS.indexOf(`${change.action === 'delete' ? 'delete' : 'write'} ${kind}`);
  return step === -1 ? PUSH_STEPS.length : step;
}

const PUSH_STEPS = [
  `write ${GITEE_SECRET_PARAMETER}`,
  'write webhook',
  'write secret',
  'delete template',
  `write ${CONFIG_PARAMETER}`,
  `delete ${CONFIG_PARAMETER}`,
  'write template',
  'delete secret',
  'delete webhook',
];

function removal(name: string, desired: ReadonlyMap<string, string>): Change {
  if (name === GITEE_SECRET_PARAMETER) return { name, action: 'keep', reason: 'not in the file' };
  if (name === CONFIG_PARAMETER)
    return { name, action: 'delete', reason: 'the file has no config keys' };
  const template = parseTemplateParameterName(name);
  if (template !== null) {
    const { owner, key, part } = template;
    return {
      name,
      action: 'delete',
      reason: `the file has no ${templateConfigPath(owner, key, part)}`,
    };
  }
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
