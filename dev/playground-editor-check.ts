import { ROBOT_NAME_PATTERN } from '../lib/settings/parameters';
import { templateConfigPath, type TemplatePart } from '../lib/settings/template-parameters';
import type { RobotSettings } from '../lib/settings/types';
import { loadTemplateEngine } from '../lib/templates/engine';
import { ENGINE_LIMITS } from '../lib/templates/liquid-setup';
import { templateKeyProblem } from '../lib/templates/pick-template';
import type { MessageTemplate } from '../lib/templates/types';
import { validateWith, type TemplateProblem } from '../lib/templates/validate';
import { refusalOf } from './playground-editor-state';

/** What the page sends: one template of one robot, as typed. */
export interface Edit {
  robot: string;
  key: string;
  template: MessageTemplate;
}

/** A mistake with the field it is in, so the page marks the right line of the right box. */
export interface EditorProblem extends TemplateProblem {
  part: TemplatePart;
}

export interface CheckedEdit {
  /** Why this robot takes no template at all, or null. */
  refusal: string | null;
  problems: EditorProblem[];
}

/** The request body as an Edit, or why it is not one (a 400 for the page's own mistakes). */
export function readEdit(body: string): Edit | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  const { robot, key, title, text } = (value ?? {}) as Record<string, unknown>;
  if (typeof robot !== 'string' || !ROBOT_NAME_PATTERN.test(robot)) return 'robot: a robot name';
  if (typeof key !== 'string') return 'key: default, an event or event.action';
  const keyProblem = templateKeyProblem(key);
  if (keyProblem !== null) return `key: ${keyProblem}`;
  if (typeof text !== 'string') return 'text: a string';
  if (title !== undefined && typeof title !== 'string') return 'title: a string, or absent';
  const template = title === undefined || title === '' ? { text } : { title, text };
  return { robot, key, template };
}

/**
 * The edit as `settings check` would judge it: each field parsed and statically checked by
 * the templates validator, at its line and column within the field, and whether the robot's
 * msgtype takes a template at all.
 */
export async function checkEdit(robot: RobotSettings, edit: Edit): Promise<CheckedEdit> {
  const engine = await loadTemplateEngine();
  const problems: EditorProblem[] = [];
  const { title, text } = edit.template;
  const path = (part: TemplatePart) => templateConfigPath(robot.name, edit.key, part);
  if (title !== undefined) {
    problems.push(...validateWith(engine, path('title'), title).map(inPart('title')));
  }
  if (text.trim() === '') {
    const message = 'empty: a template needs a text (the built-in message is sent meanwhile)';
    problems.push({ part: 'text', path: path('text'), message, line: 1, column: 1, frame: '' });
  } else if (text.length > ENGINE_LIMITS.parseLimit) {
    const message = `longer than ${ENGINE_LIMITS.parseLimit} characters`;
    problems.push({ part: 'text', path: path('text'), message, line: 1, column: 1, frame: '' });
  } else {
    problems.push(...validateWith(engine, path('text'), text).map(inPart('text')));
  }
  return { refusal: refusalOf(robot), problems };
}

const inPart =
  (part: TemplatePart) =>
  (problem: TemplateProblem): EditorProblem => ({ ...problem, part });
