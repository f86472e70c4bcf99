import type { EventView, PageLink, Span } from '../../view/event-view';
import type { LocaleText } from '../../view/locales/locale-text';

/**
 * The pages to link when every page of the view has too long an address (see shownLinks):
 * the repository, then its Gitee. RenderOptions does not carry the repository, but every
 * describer starts the view's context with it, linked (repositoryLink), and its address was
 * vetted against links.giteeHosts with every other link of the view.
 */
export function homeLinks(view: EventView, t: LocaleText): PageLink[] {
  const repository = firstLink(view.context);
  const origin = originOf(repository ?? view.links[0]?.url);
  return [
    ...(repository ? [{ label: t.links.repository, url: repository }] : []),
    ...(origin ? [{ label: t.links.gitee, url: origin }] : []),
  ];
}

function firstLink(spans: readonly Span[]): string | null {
  for (const span of spans) if (span.kind === 'link') return span.url;
  return null;
}

function originOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
