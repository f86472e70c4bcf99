import { cutLine, headOf, MAX_UNITS_PER_CHARACTER } from '../view/cut-text';
import { MAX, type EventView, type Fact, type Person, type Span } from '../view/event-view';

/**
 * A view small enough to travel in a queue message (SQS takes 256 KiB per message and per
 * batch). Gitee bodies reach 1 MiB and the view keeps user text raw, so a view can be far
 * larger than any message drawn from it. compactView drops only what no renderer reads:
 * - commits past the robot's maxCommits (itemTotal still counts them all, for "and N more");
 * - user text past what cutLine reads for the span's longest cut (span.max characters, each at
 *   most MAX_UNITS_PER_CHARACTER units), plus two units so the cut text still reads as cut;
 * - excerpt text past EXCERPT_UNITS (plainExcerpt reads 8 units per character of a 200-character
 *   excerpt at most).
 * test/webhook/queue-compact.test.ts proves that every platform and msgtype draws the same
 * message from the compacted view as from the whole one. Only a view still over MAX_VIEW_BYTES
 * after that (fifty 4,000-character commit subjects, 20,000-character addresses) is cut
 * further, by smallestFitting below, where a message could differ.
 */
export const EXCERPT_UNITS = 4000;
/** Ten robots' messages of this size still fit one batch-sized call or two. */
export const MAX_VIEW_BYTES = 64 * 1024;

export function compactView(view: EventView, maxCommits: number): EventView {
  const keep = Number.isInteger(maxCommits) && maxCommits >= 0 ? maxCommits : view.items.length;
  const exact: EventView = {
    ...view,
    headline: cutSpans(view.headline, rawHead),
    context: cutSpans(view.context, rawHead),
    facts: cutFacts(view.facts, rawHead),
    items: view.items.slice(0, keep).map((item) => cutSpans(item, rawHead)),
    excerpt: view.excerpt === null ? null : headOf(view.excerpt, EXCERPT_UNITS),
    mentions: view.mentions.map((one) => cutPerson(one, rawHead)),
  };
  return viewBytes(exact) <= MAX_VIEW_BYTES ? exact : smallestFitting(exact);
}

export function viewBytes(view: EventView): number {
  return Buffer.byteLength(JSON.stringify(view), 'utf8');
}

/** How user text is cut: a span's text to at most `max` characters' worth, and logins. */
interface Cut {
  text(text: string, max: number): string;
  login(login: string | null): string | null;
}

const rawHead: Cut = {
  text: (text, max) => headOf(text, max * MAX_UNITS_PER_CHARACTER + 2),
  // Looked up in `mentions:` as they are: any cut could change who is pinged.
  login: (login) => login,
};
/** The line the richest rendering shows, and logins of Gitee's length: for oversized views. */
const shownLine: Cut = {
  text: (text, max) => cutLine(text, max),
  login: (login) => (login === null ? null : headOf(login, MAX_LOGIN_UNITS)),
};
/** Gitee logins are at most 100 characters (mentioned-logins.ts). */
const MAX_LOGIN_UNITS = 100;

function cutSpans(spans: readonly Span[], cut: Cut): Span[] {
  return spans.map((span): Span => {
    switch (span.kind) {
      case 'word':
        return span;
      case 'user':
        return { ...span, text: cut.text(span.text, span.max) };
      case 'person':
        return { ...span, person: cutPerson(span.person, cut) };
      case 'link':
        return { ...span, label: cutSpans(span.label, cut) };
    }
  });
}

function cutFacts(facts: readonly Fact[], cut: Cut): Fact[] {
  return facts.map((fact) => ({ ...fact, value: cutSpans(fact.value, cut) }));
}

/** Names are drawn at most MAX.name characters long (render-blocks.ts). */
function cutPerson(one: Person, cut: Cut): Person {
  return { login: cut.login(one.login), name: cut.text(one.name, MAX.name) };
}

/** Addresses longer than this are shown as their label when a view must shrink. */
const SHRUNK_URL = 2048;
const SHRUNK_PEOPLE = 50;

/**
 * The first of ever smaller views that fits. First every text at the length the richest
 * rendering shows it (the same message but for text that opens with more than a rendering reads
 * of spaces and controls), then no template fields if they are most of it (a templated robot
 * then gets the built-in message), fewer commits (halving, the count kept), no excerpt, long
 * addresses unlinked, no template fields, and at last the headline with the first link only.
 * The last one always fits: each of its parts is bounded.
 */
function smallestFitting(view: EventView): EventView {
  let current: EventView = {
    ...view,
    headline: cutSpans(view.headline, shownLine),
    context: cutSpans(view.context, shownLine),
    facts: cutFacts(view.facts, shownLine),
    items: view.items.map((item) => cutSpans(item, shownLine)),
    mentions: view.mentions.slice(0, SHRUNK_PEOPLE).map((one) => cutPerson(one, shownLine)),
  };
  if (viewBytes(current) <= MAX_VIEW_BYTES) return current;
  // Template fields that take half the room on their own are what makes the view too large.
  const fieldBytes = Buffer.byteLength(JSON.stringify(current.fields ?? null), 'utf8');
  if (fieldBytes > MAX_VIEW_BYTES / 2) current = withoutFields(current);
  if (viewBytes(current) <= MAX_VIEW_BYTES) return current;
  while (current.items.length > 0) {
    current = { ...current, items: current.items.slice(0, Math.floor(current.items.length / 2)) };
    if (viewBytes(current) <= MAX_VIEW_BYTES) return current;
  }
  const steps: Array<(v: EventView) => EventView> = [
    (v) => ({ ...v, excerpt: null }),
    (v) => ({
      ...v,
      headline: unlinkLong(v.headline),
      context: unlinkLong(v.context),
      facts: v.facts.map((fact) => ({ ...fact, value: unlinkLong(fact.value) })),
      links: v.links.filter((page, index) => index === 0 || page.url.length <= SHRUNK_URL),
    }),
    (v) => withoutFields(v),
    // Built field by field: whatever else a view carries goes too.
    (v) => ({
      subject: v.subject,
      home: v.home,
      headline: v.headline,
      context: [],
      facts: [],
      items: [],
      itemTotal: v.itemTotal,
      excerpt: null,
      links: v.links.slice(0, 1),
      mentions: v.mentions,
      textMentions: v.textMentions,
    }),
  ];
  for (const step of steps) {
    current = step(current);
    if (viewBytes(current) <= MAX_VIEW_BYTES) return current;
  }
  return current;
}

function withoutFields(view: EventView): EventView {
  const rest = { ...view };
  delete rest.fields;
  return rest;
}

function unlinkLong(spans: readonly Span[]): Span[] {
  return spans.flatMap((span): Span[] =>
    span.kind === 'link' && span.url.length > SHRUNK_URL ? unlinkLong(span.label) : [span],
  );
}
