import type { EventView, PageLink, Span } from './event-view';
import type { LocaleText } from './locales/locale-text';

/**
 * The pages to link when every page of the view has too long an address: the repository, then
 * the Gitee it lives on. Read from the view, since a renderer gets no repository: every
 * describer starts the context with the repository, linked on its address as vetted against
 * links.giteeHosts (repositoryLink, onGiteeHost).
 */
export function homeLinks(view: EventView, t: LocaleText): PageLink[] {
  const repository = firstLink(view.context);
  const origin = originOf(repository ?? view.links[0]?.url ?? null);
  return [
    ...(repository ? [{ label: t.links.repository, url: repository }] : []),
    ...(origin ? [{ label: t.links.gitee, url: origin }] : []),
  ];
}

function firstLink(spans: readonly Span[]): string | null {
  for (const span of spans) if (span.kind === 'link') return span.url;
  return null;
}

function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
