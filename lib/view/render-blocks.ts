import { shownLinks, type Budget } from './budget';
import { cutLine } from './cut-text';
import { MAX, type EventView, type PageLink, type Person, type Span } from './event-view';
import type { LocaleText } from './locales/locale-text';
import { plainExcerpt } from './plain-excerpt';

/** What the shared blocks need from any platform's renderer. */
export interface BlocksInput {
  view: EventView;
  t: LocaleText;
  budget: Budget;
  /** People this message cannot ping: named in the mention line unless it already shows them. */
  unmapped: readonly Person[];
  /** Pages to link when every page of the view has too long an address (see shownLinks). */
  home: PageLink[];
}

/** How one msgtype writes user text and links. */
export interface SpanStyle {
  escape(text: string): string;
  link(label: string, url: string): string;
}

/** The parts of a message, each already written in one msgtype's syntax. */
interface Blocks {
  heading: string;
  context: string;
  facts: string;
  items: string[];
  more: string;
  excerpt: string;
  /** Unmapped people to name in the mention line. */
  unmappedNames: string[];
}

export function renderBlocks(
  input: BlocksInput,
  style: SpanStyle,
  headingStyle: SpanStyle,
): Blocks {
  const { view, t, budget } = input;
  const shown = budget.compact ? [] : view.items.slice(0, Math.max(0, budget.items));
  const hidden = view.itemTotal - shown.length;
  const spans = (value: readonly Span[]) => renderSpans(value, style, budget);
  const names = budget.names ? unmappedNotShown(input) : [];
  return {
    heading: renderSpans(view.headline, headingStyle, budget),
    context: budget.compact ? '' : spans(view.context),
    facts: budget.compact
      ? ''
      : view.facts
          .map((fact) => (fact.label ? `${fact.label}${t.colon}` : '') + spans(fact.value))
          .join(t.separator),
    items: shown.map(spans),
    more: !budget.compact && hidden > 0 ? t.push.moreCommits(hidden) : '',
    excerpt: budget.compact ? '' : style.escape(plainExcerpt(view.excerpt, budget.excerpt)),
    unmappedNames: names.map((one) =>
      style.escape(lineOnce(one, one.name, Math.min(MAX.name, budget.text))),
    ),
  };
}

/** The view's pages as this rendering links them (see shownLinks). */
/**
 * The lines every line-by-line layout writes alike (text messages, Feishu's card body): where,
 * the facts, the items as bullets, "and N more", the excerpt in the locale's quotes. Empty
 * parts stay empty strings, for the caller to drop with the rest of its lines.
 */
export function plainBodyLines(blocks: Blocks, t: LocaleText): string[] {
  const [open, close] = t.quote;
  return [
    blocks.context,
    blocks.facts,
    ...blocks.items.map((item) => `• ${item}`),
    blocks.more,
    blocks.excerpt && `${open}${blocks.excerpt}${close}`,
  ];
}

export function pageLinksOf(input: BlocksInput): PageLink[] {
  return shownLinks(input.view.links, input.budget, input.home);
}

export function renderSpans(spans: readonly Span[], style: SpanStyle, budget: Budget): string {
  const cap = budget.text;
  return spans
    .map((span) => {
      switch (span.kind) {
        case 'word':
          return span.text;
        case 'user':
          return style.escape(lineOnce(span, span.text, Math.min(span.max, cap)));
        case 'person':
          return style.escape(lineOnce(span.person, span.person.name, Math.min(MAX.name, cap)));
        case 'link': {
          const label = renderSpans(span.label, style, budget);
          return span.url.length <= budget.url ? style.link(label || '↗', span.url) : label;
        }
      }
    })
    .join('');
}

const lines = new WeakMap<object, Map<number, string>>();

/**
 * cutLine of a span's text, worked out once per span and length: fitMessage renders the same
 * spans many times while it looks for the longest commit list that fits.
 */
function lineOnce(owner: object, text: string, max: number): string {
  const known = lines.get(owner) ?? new Map<number, string>();
  lines.set(owner, known);
  const line = known.get(max) ?? cutLine(text, max);
  known.set(max, line);
  return line;
}

/** Unmapped people the message does not already name (a reviewer listed as a fact, say). */
function unmappedNotShown({ view, unmapped, budget }: BlocksInput): Person[] {
  const named = new Set<string>();
  const visit = (spans: readonly Span[]): void =>
    spans.forEach((span) => {
      if (span.kind === 'person' && span.person.login) named.add(span.person.login.toLowerCase());
      if (span.kind === 'link') visit(span.label);
    });
  visit(view.headline);
  if (!budget.compact) view.facts.forEach((fact) => visit(fact.value));
  return unmapped.filter((one) => !one.login || !named.has(one.login.toLowerCase()));
}

/** The mention line: "提醒：@13800000000 alice"; empty when there is no one to name. */
export function mentionLine(t: LocaleText, entries: readonly string[]): string {
  return entries.length > 0 ? `${t.cc}${t.colon}${entries.join(' ')}` : '';
}
