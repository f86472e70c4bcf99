import type { Template, Variable, Variables } from 'liquidjs';
import type { TemplateEngine } from './engine';
import { closestMember, entryOf, FIELD_TREE, resolveField, type FieldNode } from './field-schema';

/** A problem found without rendering, at its place in the template (1-based). */
export interface StaticProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * Every variable the template reads that is not a documented field (issue 12: by static
 * analysis, not rendering): the names Liquid's analysis finds unassigned, and the members
 * read through a loop variable (`{% for c in commits %}{{ c.titel }}`), checked against the
 * entries of the list the loop walks. Also a link target written without the `url` filter,
 * which could never be a link (the output escape breaks any address).
 */
export function checkTemplate(engine: TemplateEngine, templates: Template[]): StaticProblem[] {
  const problems: StaticProblem[] = [];
  const { globals } = engine.liquid.analyzeSync(templates, { partials: false });
  problems.push(...checkVariables(globals, FIELD_TREE, null));
  visit(engine, templates, (template) => {
    problems.push(...checkLoop(engine, template), ...checkLinkTarget(engine, template));
  });
  return unique(problems);
}

function checkVariables(found: Variables, scope: FieldNode, alias: string | null) {
  return Object.values(found).flatMap((variables) =>
    variables.flatMap((variable) => {
      const problem = problemOf(variable, scope, alias);
      return problem ? [problem] : [];
    }),
  );
}

function problemOf(variable: Variable, scope: FieldNode, alias: string | null) {
  const segments = alias === null ? variable.segments : variable.segments.slice(1);
  const result = resolveField(segments, scope);
  if (result.resolved) return null;
  const shown = [...(alias === null ? [] : [alias]), ...segments.slice(0, result.valid + 1)];
  const parent = resolveField(segments.slice(0, result.valid), scope);
  const name = segments[result.valid];
  const hint = parent.resolved && parent.node ? hintFor(parent.node, shown, name) : '';
  return {
    message: `unknown field "${pathText(shown)}"${hint}`,
    line: variable.location.row,
    column: variable.location.col,
  };
}

/** "did you mean …" for a misspelt member, or an entry's member read off its list. */
function hintFor(node: FieldNode, shown: ReadonlyArray<string | number | object>, name: unknown) {
  if (typeof name !== 'string') return '';
  const before = shown.slice(0, -1);
  if (node.type.startsWith('list of')) {
    const ofEntry = node.members.has(name) ? name : null;
    return ofEntry === null ? '' : `; did you mean "${pathText([...before, 0, ofEntry])}"?`;
  }
  const guess = closestMember(node, name);
  return guess === null ? '' : `; did you mean "${pathText([...before, guess])}"?`;
}

function pathText(segments: ReadonlyArray<string | number | object>): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** Members read through the variable of a loop over a documented list. */
function checkLoop(engine: TemplateEngine, template: Template): StaticProblem[] {
  const { lib, liquid } = engine;
  if (!(template instanceof lib.ForTag || template instanceof lib.TablerowTag)) return [];
  const path = template.collection.getText().trim();
  if (!/^[a-z_]+(?:\.[a-z_]+)*$/.test(path)) return [];
  const list = resolveField(path.split('.'));
  if (!list.resolved || !list.node?.type.startsWith('list of')) return [];
  // The body alone: there the loop variable is a name from outside, so analysis lists it.
  const body = liquid.analyzeSync(template.templates, { partials: false }).globals;
  const uses = Object.hasOwn(body, template.variable) ? body[template.variable]! : [];
  return checkVariables({ [template.variable]: uses }, entryOf(list.node), template.variable);
}

/** `[label]({{ c.url }})`: a target that is escaped text, not an address. */
function checkLinkTarget(engine: TemplateEngine, template: Template): StaticProblem[] {
  if (!(template instanceof engine.lib.Output)) return [];
  const { input, begin } = template.token;
  if (input.slice(Math.max(0, begin - 2), begin) !== '](') return [];
  const filters = template.value.filters;
  if (filters[filters.length - 1]?.name === 'url') return [];
  const [line = 1, column = 1] = template.token.getPosition();
  return [{ message: 'a link target needs the url filter, as in ({{ url | url }})', line, column }];
}

function visit(engine: TemplateEngine, templates: Template[], each: (one: Template) => void) {
  for (const template of templates) {
    each(template);
    if (template.children) {
      visit(engine, engine.lib.toValueSync(template.children(false, true)), each);
    }
  }
}

function unique(problems: StaticProblem[]): StaticProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
