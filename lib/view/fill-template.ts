import { MAX, user, word, type Span } from './event-view';

/**
 * Turns a locale template such as "{actor} 关闭了 {repo} 的 Issue {ref}" into spans: our words
 * stay words, each placeholder becomes the given spans (usually user text, escaped later).
 * Word order lives in the locale table, so each language can put things where they belong.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, Span | readonly Span[]>>,
): Span[] {
  const spans: Span[] = [];
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    const value = Object.hasOwn(values, match[1] ?? '') ? values[match[1] ?? ''] : undefined;
    if (value === undefined) continue;
    if (match.index > last) spans.push(word(template.slice(last, match.index)));
    spans.push(...(Array.isArray(value) ? value : [value as Span]));
    last = match.index + match[0].length;
  }
  if (last < template.length) spans.push(word(template.slice(last)));
  return spans;
}

/** "headline：title" (or ": title"), leaving the headline alone when the title is blank. */
export function withTitle(
  headline: Span[],
  colon: string,
  title: string | null | undefined,
): Span[] {
  if (typeof title !== 'string' || title.trim() === '') return headline;
  return [...headline, word(colon), user(title, MAX.title)];
}
