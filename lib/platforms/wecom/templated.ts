import type { TemplatedRenderer, TemplateOutput } from '../../templates/types';
import type { EventView } from '../../view/event-view';
import type { RenderOptions } from '../chat-platform';
import { escapeWecomMarkdown, safeUrl } from './escape';
import { fitsWecomContent } from './limits';
import { resolveWecomMentions } from './mentions';
import type { WecomMessage } from './message';

/**
 * A templated WeCom message (issue 12): `### <title>` as the first line when the template has
 * a title (the line notifications show), then the template's text. In `markdown` the product
 * adds the `<@userid>` tokens that ping; `markdown_v2` can ping no one. WeCom has no keywords.
 */
export const wecomTemplated: TemplatedRenderer<WecomMessage> = {
  msgtypes: ['markdown', 'markdown_v2'],
  // The title is a markdown heading line, so it escapes as the body does.
  title: () => ({ escape: escapeWecomMarkdown, linkTarget: safeUrl }),
  text: () => ({ escape: escapeWecomMarkdown, linkTarget: safeUrl }),
  compose,
  fits: (message) => fitsWecomContent({ ...message }),
};

function compose(output: TemplateOutput, view: EventView, options: RenderOptions): WecomMessage {
  const heading = output.title === null ? [] : [`### ${output.title}`];
  if (options.msgtype === 'markdown_v2') {
    const content = [...heading, output.text].join('\n\n');
    return { msgtype: 'markdown_v2', markdown_v2: { content } };
  }
  const { userids } = resolveWecomMentions(view, options.mentions, options.atAll, 'markdown');
  const { t } = options;
  const body = [...heading, output.text].join('\n');
  if (userids.length === 0) return { msgtype: 'markdown', markdown: { content: body } };
  const cc = grey(`${t.cc}${t.colon}`) + userids.map((id) => `<@${id}>`).join(' ');
  // A line right after a quote joins the quote unless a blank line ends it.
  const gap = /(?:^|\n)>[^\n]*$/.test(body) ? '\n\n' : '\n';
  return { msgtype: 'markdown', markdown: { content: `${body}${gap}${cc}` } };
}

/** WeCom markdown's grey (render-markdown.ts writes the mention line the same way). */
function grey(text: string): string {
  return `<font color="comment">${text}</font>`;
}
