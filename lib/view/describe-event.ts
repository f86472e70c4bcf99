import { assertNever, type ParsedDelivery } from '../gitee/event';
import { pageLinks, type DescribeContext } from './spans';
import { describeComment } from './describe-comment';
import { describeGeneric } from './describe-generic';
import { describeIssue } from './describe-issue';
import { describePing } from './describe-ping';
import { describePullRequest } from './describe-pull-request';
import { describePush } from './describe-push';
import { describeTagPush } from './describe-tag-push';
import type { EventView } from './event-view';
import { templateFields } from './template-fields';

export interface DescribeOptions {
  /**
   * Build the template fields (issue 12) into the view; default true. They cost a second
   * walk over the payload, so a caller whose robots render only built-in messages (direct
   * mode with no templates, the DingTalk formatter) leaves them out.
   */
  fields?: boolean;
}

/**
 * The one neutral description of a delivery. A payload shaped in a way no describer expected
 * still yields the short generic message rather than a failure (issue 3: never throw).
 */
export function describeEvent(
  delivery: ParsedDelivery,
  ctx: DescribeContext,
  options: DescribeOptions = {},
): EventView {
  let view: EventView;
  try {
    view = describeKnown(delivery, ctx);
  } catch {
    // A ping reads only the parsed repository and cannot fail; an event falls back to generic.
    view = delivery.kind === 'ping' ? describePing(delivery, ctx) : describeGeneric(delivery, ctx);
  }
  // Every message links somewhere on Gitee (the actionCard needs a button).
  if (view.links.length === 0) {
    view.links = pageLinks([[ctx.t.links.repository, delivery.repository.url]]);
  }
  if (options.fields === false) return view;
  const fields = fieldsOf(delivery, view, ctx);
  if (fields) view.fields = fields;
  return view;
}

/** The template fields; none rather than a failure, so the event keeps its built-in message. */
function fieldsOf(delivery: ParsedDelivery, view: EventView, ctx: DescribeContext) {
  try {
    return templateFields(delivery, view, ctx);
  } catch {
    return null;
  }
}

function describeKnown(delivery: ParsedDelivery, ctx: DescribeContext): EventView {
  switch (delivery.kind) {
    case 'ping':
      return describePing(delivery, ctx);
    case 'push':
      return describePush(delivery, ctx);
    case 'tag_push':
      return describeTagPush(delivery, ctx);
    case 'issue':
      return describeIssue(delivery, ctx);
    case 'pull_request':
      return describePullRequest(delivery, ctx);
    case 'comment':
      return describeComment(delivery, ctx);
    default:
      return assertNever(delivery);
  }
}
