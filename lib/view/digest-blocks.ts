import { shownLinks, type Budget } from './budget';
import type { DigestEntry } from './digest-entry';
import { hasTitle } from './digest-people';
import { groupByRepository, type RepositoryGroup } from './digest-sections';
import { MAX, person, user, word, type Person, type Span } from './event-view';
import { fillTemplate } from './fill-template';
import { homeLinks } from './home-links';
import type { LocaleText } from './locales/locale-text';
import { renderSpans, type SpanStyle } from './render-blocks';

/** What every platform's digest writer draws from, for one Budget. */
export interface DigestBlocksInput {
  /** The entries in this digest, from the front of the robot's backlog. */
  entries: readonly DigestEntry[];
  t: LocaleText;
  budget: Budget;
  /** Events waiting in all, these entries included. */
  pending: number;
  /** People this message cannot ping whom no line names (notNamedInLines). */
  unmapped: readonly Person[];
}

/** One event's line: its summary written in the line style, and the page it opens. */
export interface DigestLine {
  label: string;
  url: string | null;
}

export interface DigestSection {
  /** The repository's name, escaped (or the locale's words for events without one). */
  repository: string;
  lines: DigestLine[];
}

/** The parts of a digest, each already written in one msgtype's syntax. */
export interface DigestBlocks {
  heading: string;
  sections: DigestSection[];
  /** "…and N more events follow", or '' when this digest holds every pending event. */
  more: string;
  unmappedNames: string[];
}

/**
 * The parts of a digest in `style` (lines and names) and `headingStyle` (the title). A line
 * is the entry's template title when it has one, else its headline: the same spans, escaped
 * and cut the same way, as the heading of its single message. Links inside the headline show
 * as their labels, since the whole line links the event's primary page (or, when that address
 * is too long, the repository's).
 */
export function renderDigestBlocks(
  input: DigestBlocksInput,
  style: SpanStyle,
  headingStyle: SpanStyle,
): DigestBlocks {
  const { entries, t, budget, pending } = input;
  const groups = groupByRepository(entries);
  const labelStyle: SpanStyle = { escape: style.escape, link: (label) => label };
  return {
    heading: digestHeading(input, headingStyle, groups),
    sections: groups.map((group) => ({
      repository: renderSpans([repositorySpan(group, t)], style, budget),
      lines: group.entries.map((entry) => lineOf(entry, t, labelStyle, budget)),
    })),
    more: pending > entries.length ? t.digest.more(pending - entries.length) : '',
    unmappedNames: budget.names
      ? input.unmapped.map((one) => renderSpans([person(one)], style, budget))
      : [],
  };
}

/**
 * The title alone, in `style`: "12 events in kit101/app (+2 repos)", named after the first
 * repository (for a platform that shows the title in two syntaxes, as DingTalk does).
 */
export function digestHeading(
  input: Pick<DigestBlocksInput, 'entries' | 't' | 'budget'>,
  style: SpanStyle,
  groups: readonly RepositoryGroup[] = groupByRepository(input.entries),
): string {
  const { t } = input;
  const [first] = groups;
  const repo = first ? repositorySpan(first, t) : word(t.digest.unknownRepository);
  const title = t.digest.title(input.entries.length, Math.max(0, groups.length - 1));
  return renderSpans(fillTemplate(title, { repo }), style, input.budget);
}

function repositorySpan(group: RepositoryGroup, t: LocaleText): Span {
  return group.repository === null
    ? word(t.digest.unknownRepository)
    : user(group.repository, MAX.ref);
}

type Escape = SpanStyle['escape'];
const lines = new WeakMap<Budget, WeakMap<Escape, WeakMap<DigestEntry, DigestLine>>>();

/**
 * An entry's line, worked out once per budget and escape: fitDigest renders the same lines
 * many times while it looks for the count that fits, and a line depends on nothing else (the
 * label style writes links as their labels; the page is the view's or its home's address).
 */
function lineOf(entry: DigestEntry, t: LocaleText, style: SpanStyle, budget: Budget): DigestLine {
  const byEscape = lines.get(budget) ?? new WeakMap<Escape, WeakMap<DigestEntry, DigestLine>>();
  lines.set(budget, byEscape);
  const byEntry = byEscape.get(style.escape) ?? new WeakMap<DigestEntry, DigestLine>();
  byEscape.set(style.escape, byEntry);
  const known = byEntry.get(entry);
  if (known !== undefined) return known;
  const spans = hasTitle(entry) ? [user(entry.title, MAX.title)] : entry.view.headline;
  const [page] = shownLinks(entry.view.links, budget, homeLinks(entry.view, t));
  const line = { label: renderSpans(spans, style, budget), url: page?.url ?? null };
  byEntry.set(entry, line);
  return line;
}
