import { validateTemplates, type TemplateProblem } from '../templates/validate';
import { DEFAULTS_OWNER } from './template-parameters';
import type { Settings } from './types';

const found = new WeakMap<Settings, Promise<TemplateProblem[]>>();

/**
 * Every mistake in the settings' templates, parsed and checked by the templates validator
 * (issue 12, "Validation"): what the Lambda's load, `settings check|push|show`, the
 * playground and `health` all ask. Settings without templates never load the engine, so a
 * stage with none keeps its cold start. Asked again of the same settings, the same answer.
 */
export function findTemplateProblems(
  settings: Pick<Settings, 'templates' | 'templateProblems'>,
): Promise<TemplateProblem[]> {
  if (settings.templateProblems !== undefined)
    return Promise.resolve([...settings.templateProblems]);
  const templates = settings.templates ?? [];
  if (templates.length === 0) return Promise.resolve([]);
  const known = found.get(settings as Settings);
  if (known) return known;
  // The engine itself (liquidjs) is imported only now, by validateTemplates.
  const problems = validateTemplates(templates);
  found.set(settings as Settings, problems);
  // A failed engine load is not an answer: the next call asks again.
  problems.catch(() => found.delete(settings as Settings));
  return problems;
}

/**
 * The settings with every template set that has a mistake set aside: a robot whose own
 * templates have one renders built-in messages, and so does every robot that takes the
 * defaults when those have one (never a template set half valid). Routing and everything
 * else stay; `templateProblems` records why.
 */
export function setAsideInvalidTemplates(
  settings: Settings,
  problems: readonly TemplateProblem[],
): Settings {
  const owners = new Set(
    (settings.templates ?? [])
      .filter((template) => problems.some((problem) => problem.path === template.path))
      .map((template) => template.owner),
  );
  const robots = settings.robots.map((robot) => {
    if (robot.templates === undefined) return robot;
    const owner = ownsTemplates(settings, robot.name) ? robot.name : DEFAULTS_OWNER;
    if (!owners.has(owner)) return robot;
    const setAside = { ...robot };
    delete setAside.templates;
    return setAside;
  });
  return { ...settings, robots, templateProblems: problems };
}

function ownsTemplates(settings: Settings, robot: string): boolean {
  return robot !== DEFAULTS_OWNER && (settings.templates ?? []).some((t) => t.owner === robot);
}
