import { fieldsOf, listOf, stringOf, stringsOf, type Fields } from './fields';
import { element, escapeHtml, linkHtml, mentionHtml } from './html';
import { plainParagraph, plainTextHtml } from './plain-text';
import type { RenderedBody } from './types';
import { renderWecomMarkdown, renderWecomMarkdownV2 } from './wecom-markdown';

/** "@all" in either list is everyone (§2.4). */
const shownId = (id: string) => (id === '@all' ? '@所有人' : `@${id}`);

/**
 * `text`: as typed with addresses clickable; WeCom adds the people of `mentioned_list` and
 * `mentioned_mobile_list` after the text itself (§2.4).
 */
function textBody(content: Fields): { html: string; mentions: string[] } {
  const ids = [...stringsOf(content.mentioned_list), ...stringsOf(content.mentioned_mobile_list)];
  const mentions = [...new Set(ids.map(shownId))];
  const tail = mentions.map(mentionHtml).join(' ');
  const html = plainTextHtml(stringOf(content.content)) + (tail === '' ? '' : ` ${tail}`);
  return { html: plainParagraph(html), mentions };
}

/** source.desc_color: 0 grey (default), 1 black, 2 red, 3 green (§2.2). */
const SOURCE_COLOURS = ['grey', 'black', 'red', 'green'] as const;

function sourceHtml(card: Fields): string {
  const source = fieldsOf(card.source);
  const desc = stringOf(source.desc);
  if (desc === '') return '';
  const colour = SOURCE_COLOURS[typeof source.desc_color === 'number' ? source.desc_color : 0];
  return element('div', `tc-source tc-${colour ?? 'grey'}`, escapeHtml(desc));
}

function horizontalHtml(items: Fields[]): string {
  const rows = items.map((item) => {
    const value = escapeHtml(stringOf(item.value));
    const shown = item.type === 1 ? linkHtml(stringOf(item.url), value) : value;
    return element('dt', '', escapeHtml(stringOf(item.keyname))) + element('dd', '', shown);
  });
  return rows.length === 0 ? '' : element('dl', 'tc-fields', rows.join(''));
}

/** A `text_notice` template card, top to bottom as WeCom lays it out (§2.2). */
function templateCardBody(card: Fields): string {
  const main = fieldsOf(card.main_title);
  const emphasis = fieldsOf(card.emphasis_content);
  const parts = [
    sourceHtml(card),
    element('div', 'tc-title', escapeHtml(stringOf(main.title))),
    stringOf(main.desc) && element('div', 'tc-desc', escapeHtml(stringOf(main.desc))),
    stringOf(emphasis.title) &&
      element(
        'div',
        'tc-emphasis',
        element('strong', '', escapeHtml(stringOf(emphasis.title))) +
          element('span', '', escapeHtml(stringOf(emphasis.desc))),
      ),
    stringOf(card.sub_title_text) &&
      element('div', 'tc-sub plain', escapeHtml(stringOf(card.sub_title_text))),
    horizontalHtml(listOf(card.horizontal_content_list)),
  ];
  const jumps = listOf(card.jump_list).map((jump) =>
    linkHtml(stringOf(jump.url), escapeHtml(stringOf(jump.title)), 'tc-jump'),
  );
  const links = jumps.length === 0 ? '' : element('div', 'tc-jumps', jumps.join(''));
  return element('div', 'wecom-card', parts.join('') + links);
}

export const WECOM_RENDERED: ReadonlySet<string> = new Set([
  'markdown',
  'markdown_v2',
  'text',
  'template_card',
]);

/** markdown, markdown_v2, text or a template card as the WeCom client draws it. */
export function renderWecomBody(msgtype: string, body: unknown): RenderedBody {
  const content = fieldsOf(fieldsOf(body)[msgtype]);
  const none = { title: null, header: null, buttons: [], buttonsInRow: false, mentions: [] };
  switch (msgtype) {
    case 'markdown':
      return { ...none, ...renderWecomMarkdown(stringOf(content.content)) };
    case 'markdown_v2':
      return { ...none, html: renderWecomMarkdownV2(stringOf(content.content)) };
    case 'template_card':
      return { ...none, html: templateCardBody(content) };
    default:
      return { ...none, ...textBody(content) };
  }
}
