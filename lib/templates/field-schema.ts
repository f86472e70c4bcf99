import { TEMPLATE_FIELDS, type FieldType } from './field-list';

/** One documented field as a tree node: what a template may read below it. */
export interface FieldNode {
  type: FieldType;
  /** Named members of an object (or of each entry of a list of objects). */
  members: ReadonlyMap<string, FieldNode>;
}

interface MutableNode {
  type: FieldType;
  members: Map<string, MutableNode>;
}

/** Liquid's own property of a string or a list: `commits.size` (and a list's `first`, `last`). */
const SIZE: FieldNode = { type: 'number', members: new Map() };

function buildTree(): FieldNode {
  const root: MutableNode = { type: 'object', members: new Map() };
  for (const field of TEMPLATE_FIELDS) {
    const names = field.path.replace(/\[\]/g, '').split('.');
    const last = names.pop()!;
    let parent = root;
    for (const name of names) {
      const next = parent.members.get(name);
      // The list keeps parents before children, so a parent is always there.
      if (next === undefined) throw new Error(`field ${field.path} is listed before its parent`);
      parent = next;
    }
    parent.members.set(last, { type: field.type, members: new Map() });
  }
  return root;
}

export const FIELD_TREE: FieldNode = buildTree();

/**
 * The node a path leads to, or where it stops making sense: `resolved` false with the
 * segments that were valid. Numbers and `first`/`last` step into a list's entries, `size`
 * is a string's or list's length; a segment computed from another variable (`a[b]`) ends
 * the check there, since only rendering knows it.
 */
export function resolveField(
  path: ReadonlyArray<string | number | object>,
  from: FieldNode = FIELD_TREE,
): { resolved: true; node: FieldNode | null } | { resolved: false; valid: number } {
  let node = from;
  for (const [index, segment] of path.entries()) {
    if (typeof segment === 'object') return { resolved: true, node: null };
    const next = step(node, segment);
    if (next === null) return { resolved: false, valid: index };
    node = next;
  }
  return { resolved: true, node };
}

function step(node: FieldNode, segment: string | number): FieldNode | null {
  const isList = node.type.startsWith('list of');
  const isText = node.type === 'string';
  if (segment === 'size' && (isList || isText)) return SIZE;
  if (isList) {
    // A list has entries, not members: `commits.title` is a mistake for `commits[0].title`.
    const entry = typeof segment === 'number' || segment === 'first' || segment === 'last';
    return entry ? entryOf(node) : null;
  }
  return typeof segment === 'string' ? (node.members.get(segment) ?? null) : null;
}

/** What one entry of a list is: an object with the list's members, or a string. */
export function entryOf(list: FieldNode): FieldNode {
  return list.type === 'list of strings'
    ? { type: 'string', members: new Map() }
    : { type: 'object', members: list.members };
}

/** The member a misspelt or shortened name most likely meant, for "did you mean". */
export function closestMember(node: FieldNode, name: string): string | null {
  const longer = [...node.members.keys()].find((candidate) => candidate.startsWith(name));
  if (longer !== undefined) return longer;
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of node.members.keys()) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
