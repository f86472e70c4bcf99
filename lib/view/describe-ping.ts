import type { GiteePing } from '../gitee/event';
import {
  aboutDelivery,
  pageLinks,
  repositoryLink,
  repositoryShortName,
  type DescribeContext,
} from './spans';
import { emptyView, word, type EventView } from './event-view';
import { fillTemplate } from './fill-template';
import { pageUrl } from './gitee-links';

/**
 * Gitee's Test button: the body is canned sample data (repository oschina/gitee, user robot),
 * so only the hook's own repository, from `hook_url`, is named (protocol notes §3.7).
 */
export function describePing(ping: GiteePing, ctx: DescribeContext): EventView {
  const view = emptyView(
    fillTemplate(ctx.t.ping.headline, { repo: repositoryShortName(ping) }),
    aboutDelivery(ping, ctx.t),
  );
  view.context = repositoryLink(ping);
  view.facts.push({ label: null, value: [word(ctx.t.ping.note)] });
  view.links = pageLinks([
    [ctx.t.links.hooks, pageUrl(ping.repository, 'hooks')],
    [ctx.t.links.repository, ping.repository.url],
  ]).slice(0, 1);
  return view;
}
