/**
 * yaml's document API prints the whole document again, and its print of a part nobody edited
 * may differ from how the person wrote it (flow collections `{ a: 1 }` vs `{a: 1}`, spaces
 * before a comment). This puts back every line the edit did not need: a diff of the two
 * texts' lines, compared with such spacing ignored; outside the edited lines of `after` a
 * line that matches, and each changed run, take `before`'s lines.
 */
export function keepUntouchedLines(
  before: string,
  after: string,
  edited: { first: number; last: number },
): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: string[] = [];
  let hunk = { a: [] as string[], b: [] as string[], at: 0 };
  const flush = () => {
    const { at } = hunk;
    const inside =
      hunk.b.length > 0
        ? at <= edited.last && at + hunk.b.length - 1 >= edited.first
        : at >= edited.first && at <= edited.last + 1;
    out.push(...(inside ? hunk.b : hunk.a));
  };
  const inEdit = (index: number) => index >= edited.first && index <= edited.last;
  for (const step of diffLines(a.map(spacing), b.map(spacing))) {
    if (step.kind === 'same') {
      if (hunk.a.length > 0 || hunk.b.length > 0) flush();
      out.push(inEdit(step.indexB) ? b[step.indexB]! : a[step.indexA]!);
      hunk = { a: [], b: [], at: step.indexB + 1 };
    } else if (step.kind === 'removed') {
      hunk.a.push(a[step.indexA]!);
    } else {
      hunk.b.push(b[step.indexB]!);
    }
  }
  if (hunk.a.length > 0 || hunk.b.length > 0) flush();
  return out.join('\n');
}

/** A line with the spacing a printer may change taken out: what two lines are compared by. */
function spacing(line: string): string {
  return line
    .trimEnd()
    .replace(/([{[])\s+/g, '$1')
    .replace(/\s+([}\],])/g, '$1')
    .replace(/(\S)\s{2,}/g, '$1 ');
}

type Step =
  | { kind: 'same'; indexA: number; indexB: number }
  | { kind: 'removed'; indexA: number }
  | { kind: 'added'; indexB: number };

/** The longest common subsequence of lines, walked in order (settings files are short). */
function diffLines(a: readonly string[], b: readonly string[]): Step[] {
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      steps.push({ kind: 'same', indexA: i++, indexB: j++ });
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      steps.push({ kind: 'added', indexB: j++ });
    } else {
      steps.push({ kind: 'removed', indexA: i++ });
    }
  }
  return steps;
}
