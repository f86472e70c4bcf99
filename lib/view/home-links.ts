import type { EventView, PageLink } from './event-view';
import type { LocaleText } from './locales/locale-text';

/**
 * The pages to link when every page of the view has too long an address: the repository
 * (view.home), then the Gitee it lives on. Both are on an allowed host: the describers build
 * home, like every link, on the repository address vetted against links.giteeHosts.
 */
export function homeLinks(view: EventView, t: LocaleText): PageLink[] {
  const origin = originOf(view.home?.url ?? view.links[0]?.url ?? null);
  return [
    ...(view.home ? [view.home] : []),
    ...(origin ? [{ label: t.links.gitee, url: origin }] : []),
  ];
}

function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
