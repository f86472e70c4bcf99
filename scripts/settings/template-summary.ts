import { PLATFORM_CATALOG } from '../../lib/platforms/catalog';
import { DEFAULTS_OWNER } from '../../lib/settings/template-parameters';
import { takesTemplates } from '../../lib/settings/template-rules';
import type { Settings } from '../../lib/settings/types';

/** A robot that takes defaults.templates when its msgtype allows: it has none of its own. */
const hasNoOwn = (owners: Map<string, string[]>, name: string) =>
  name === DEFAULTS_OWNER || !owners.has(name);

/** The template keys each owner has, in the order they are configured. */
function keysByOwner(settings: Pick<Settings, 'templates'>): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const { owner, key } of settings.templates ?? []) {
    const keys = owners.get(owner) ?? [];
    if (!keys.includes(key)) keys.push(key);
    owners.set(owner, keys);
  }
  return owners;
}

/**
 * What `check` says of the templates: each robot's own keys, and which robots take the
 * defaults. Nothing when there are none, so a file without templates reads as before.
 */
export function templateLines(settings: Settings): string[] {
  const owners = keysByOwner(settings);
  const lines: string[] = [];
  for (const robot of settings.robots) {
    const own = robot.name === DEFAULTS_OWNER ? undefined : owners.get(robot.name);
    if (own) lines.push(`templates of robot ${robot.name}: ${own.join(', ')}`);
  }
  const defaults = owners.get(DEFAULTS_OWNER);
  if (defaults) {
    const takers = settings.robots
      .filter((robot) => robot.templates !== undefined && hasNoOwn(owners, robot.name))
      .map((robot) => robot.name);
    const who = takers.length > 0 ? `for ${takers.join(', ')}` : 'for no robot';
    lines.push(`defaults.templates: ${defaults.join(', ')} (${who})`);
  }
  return lines;
}

/** Robots that defaults.templates do not reach because their msgtype takes none. */
export function templateWarnings(settings: Settings): string[] {
  const owners = keysByOwner(settings);
  if (!owners.has(DEFAULTS_OWNER)) return [];
  return settings.robots
    .filter((robot) => hasNoOwn(owners, robot.name))
    .filter((robot) => !takesTemplates(robot.platform, robot.msgtype))
    .map(
      (robot) =>
        `defaults.templates do not reach robot ${robot.name}: a ${PLATFORM_CATALOG[robot.platform].label} ${robot.msgtype} message takes no template, so it stays built-in`,
    );
}
