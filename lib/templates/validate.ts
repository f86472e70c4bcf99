import { checkTemplate, type StaticProblem } from './check-fields';
import { codeFrame, positionOf } from './code-frame';
import { loadTemplateEngine, type TemplateEngine } from './engine';
import { ENGINE_LIMITS } from './liquid-setup';

/** One mistake in one template, at its line and column within the template text. */
export interface TemplateProblem {
  /** Where the template is in the settings: `robots.release.templates.tag_push.text`. */
  path: string;
  /** What is wrong, without a position (that is `line` and `column`). */
  message: string;
  line: number;
  column: number;
  /** The template's lines around the mistake, with a caret under it. */
  frame: string;
}

/** `<config path>: <message> (line L, col C)`, then the frame (issue 12, "Validation"). */
export function formatTemplateProblem(problem: TemplateProblem): string {
  const { path, message, line, column, frame } = problem;
  return `${path}: ${message} (line ${line}, col ${column})\n${frame}`;
}

export interface TemplateSource {
  path: string;
  source: string;
}

/**
 * Every problem of every template, parsed and statically checked, none rendered: what the
 * settings loader, `settings check|push`, the playground's reload and `health` call. Empty
 * when all are valid. Loads the engine, so call it only when there are templates.
 */
export async function validateTemplates(
  templates: Iterable<TemplateSource>,
): Promise<TemplateProblem[]> {
  const engine = await loadTemplateEngine();
  return [...templates].flatMap(({ path, source }) => validateWith(engine, path, source));
}

export function validateWith(
  engine: TemplateEngine,
  path: string,
  source: string,
): TemplateProblem[] {
  let problems: StaticProblem[];
  try {
    problems = checkTemplate(engine, engine.parse(source));
  } catch (error) {
    problems = [parseProblem(engine, source, error)];
  }
  return problems.map((problem) => ({
    path,
    ...problem,
    frame: codeFrame(source, problem.line, problem.column),
  }));
}

const POSITION = /, line:\d+, col:\d+$/;

function parseProblem(engine: TemplateEngine, source: string, error: unknown): StaticProblem {
  if (!engine.lib.LiquidError.is(error)) {
    // Only the parse limit throws outside a token: it is about the whole text.
    const message = `the template is longer than ${ENGINE_LIMITS.parseLimit} characters`;
    return { message, line: 1, column: 1 };
  }
  const message = error.message.split('\n')[0]!.replace(POSITION, '');
  const [line = 1, column = 1] = error.token.getPosition();
  return { message, ...(filterPosition(source, error, message) ?? { line, column }) };
}

/** Liquid places an unknown filter at its output's start; the filter's own name is clearer. */
function filterPosition(
  source: string,
  error: { token: { begin: number; end: number } },
  message: string,
): { line: number; column: number } | null {
  const name = /^undefined filter: (\S+)$/.exec(message)?.[1];
  if (name === undefined) return null;
  const { begin, end } = error.token;
  const at = new RegExp(`\\|\\s*(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\b`).exec(
    source.slice(begin, end),
  );
  return at ? positionOf(source, begin + at.index + at[0].length - name.length) : null;
}

/** The fields the validator accepts (one list, field-list.ts; what each means: field-docs.ts). */
export { TEMPLATE_FIELDS, type FieldSpec } from './field-list';
