import { EVENT_ACTIONS, EVENT_KINDS } from '../lib/gitee/actions';
import { PLATFORM_CATALOG } from '../lib/platforms/catalog';
import { DEFAULTS_OWNER } from '../lib/settings/template-parameters';
import { takesTemplates, TEMPLATE_MSGTYPES } from '../lib/settings/template-rules';
import type { RobotSettings, Settings } from '../lib/settings/types';
import { EXAMPLE_TEMPLATES } from '../lib/templates/examples';
import type { MessageTemplate, TemplateSet } from '../lib/templates/types';
import type { TemplateProblem } from '../lib/templates/validate';

/** One robot as the editor offers it. */
export interface EditorRobot {
  name: string;
  platform: string;
  msgtype: string;
  /** null when its msgtype takes templates; else why not (the editor cannot save there). */
  refusal: string | null;
  /** Where its templates come from now: its own set, the defaults, or none (built-in). */
  source: 'own' | 'defaults' | 'none';
  /** What it renders with now, as configured (a set with a mistake included). */
  templates: TemplateSet;
}

/** What the editor pane starts from: GET /playground/editor. */
export interface EditorState {
  file: string;
  robots: EditorRobot[];
  /** The template keys, grouped by event: `default` first, then each event and its actions. */
  keys: Array<{ event: string; keys: string[] }>;
  /** A starting point for a key nobody has written yet (the README's examples). */
  examples: Record<string, MessageTemplate>;
  /** The file's template mistakes as they stand (the relay sets those sets aside). */
  problems: TemplateProblem[];
}

/** Every configured template set by owner, the faulty ones too (settings set them aside). */
export function configuredSets(settings: Settings): Map<string, TemplateSet> {
  const sets = new Map<string, Record<string, MessageTemplate>>();
  for (const { owner, key, part, source } of settings.templates ?? []) {
    const set = sets.get(owner) ?? {};
    set[key] = { ...set[key], [part]: source } as MessageTemplate;
    sets.set(owner, set);
  }
  return sets;
}

/** Why this robot's messages take no template, or null when they do. */
export function refusalOf(robot: RobotSettings): string | null {
  if (takesTemplates(robot.platform, robot.msgtype)) return null;
  const { label } = PLATFORM_CATALOG[robot.platform];
  const those = TEMPLATE_MSGTYPES[robot.platform].join(' and ');
  return `a ${label} robot with msgtype ${robot.msgtype} takes no template; ${those} do`;
}

/** The set a robot renders with and where it comes from, mistakes included. */
export function robotSet(
  robot: RobotSettings,
  sets: ReadonlyMap<string, TemplateSet>,
): Pick<EditorRobot, 'source' | 'templates'> {
  const own = robot.name === DEFAULTS_OWNER ? undefined : sets.get(robot.name);
  if (own) return { source: 'own', templates: own };
  const defaults = sets.get(DEFAULTS_OWNER);
  if (defaults && refusalOf(robot) === null) return { source: 'defaults', templates: defaults };
  return { source: 'none', templates: {} };
}

export function editorState(
  settings: Settings,
  file: string,
  problems: TemplateProblem[],
): EditorState {
  const sets = configuredSets(settings);
  return {
    file,
    robots: settings.robots.map((robot) => ({
      name: robot.name,
      platform: robot.platform,
      msgtype: robot.msgtype,
      refusal: refusalOf(robot),
      ...robotSet(robot, sets),
    })),
    keys: [
      { event: 'default', keys: ['default'] },
      ...EVENT_KINDS.map((event) => ({
        event,
        keys: [event, ...EVENT_ACTIONS[event].map((action) => `${event}.${action}`)],
      })),
    ],
    examples: Object.fromEntries(EXAMPLE_TEMPLATES.map(({ key, template }) => [key, template])),
    problems,
  };
}
