import { renderFeishuCard } from './feishu-card';
import { fieldsOf, stringOf, type Fields } from './fields';
import { element, escapeHtml, linkHtml, mentionHtml } from './html';
import { plainParagraph, plainTextHtml } from './plain-text';
import type { RenderedBody } from './types';

/** Feishu shows the member's name; `all` is everyone (§1.6). */
function mentionShown(id: string, name: string): string {
  return id === 'all' ? '@所有人' : `@${name || id}`;
}

const TEXT_MENTION = /<at\s+user_id\s*=\s*(["'])([^"'<>]*)\1\s*>([^<]*)<\/at>/g;

/** `text`: as typed, `<at user_id="…">Name</at>` as a mention, addresses clickable (§1.4). */
function textBody(content: Fields): { html: string; mentions: string[] } {
  const text = stringOf(content.text);
  const mentions: string[] = [];
  let html = '';
  let at = 0;
  for (const match of text.matchAll(TEXT_MENTION)) {
    const shown = mentionShown(match[2] ?? '', match[3] ?? '');
    mentions.push(shown);
    html += plainTextHtml(text.slice(at, match.index)) + mentionHtml(shown);
    at = match.index + match[0].length;
  }
  return { html: plainParagraph(html + plainTextHtml(text.slice(at))), mentions };
}

/** One node of a post paragraph: `text`, `a`, `at`, `img` (§1.4). */
function postNode(node: Fields, mentions: string[]): string {
  switch (node.tag) {
    case 'text':
      return escapeHtml(stringOf(node.text));
    case 'a':
      return linkHtml(stringOf(node.href), escapeHtml(stringOf(node.text)));
    case 'at': {
      const shown = mentionShown(stringOf(node.user_id), stringOf(node.user_name));
      mentions.push(shown);
      return mentionHtml(shown);
    }
    case 'img':
      return '<span class="placeholder">[图片]</span>';
    default:
      return '';
  }
}

/** `post`: the first language Feishu would pick (zh_cn, then en_us), title over paragraphs. */
function postBody(content: Fields): { html: string; mentions: string[] } {
  const post = fieldsOf(content.post);
  const language = fieldsOf(post.zh_cn ?? post.en_us ?? Object.values(post)[0]);
  const mentions: string[] = [];
  const title = stringOf(language.title);
  const paragraphs = Array.isArray(language.content) ? (language.content as unknown[]) : [];
  const html = paragraphs
    .map((paragraph) =>
      Array.isArray(paragraph)
        ? (paragraph as unknown[]).map((node) => postNode(fieldsOf(node), mentions)).join('')
        : '',
    )
    .map(plainParagraph)
    .join('');
  return {
    html: (title === '' ? '' : element('p', 'post-title', escapeHtml(title))) + html,
    mentions,
  };
}

export const FEISHU_RENDERED: ReadonlySet<string> = new Set(['interactive', 'post', 'text']);

/** An interactive card, post or text as the Feishu client draws it; `msgtype` is the wire's. */
export function renderFeishuBody(msgtype: string, body: unknown): RenderedBody {
  const message = fieldsOf(body);
  const none = { title: null, header: null, buttons: [], buttonsInRow: false };
  if (msgtype === 'interactive') return { ...none, ...renderFeishuCard(fieldsOf(message.card)) };
  const content = fieldsOf(message.content);
  return { ...none, ...(msgtype === 'post' ? postBody(content) : textBody(content)) };
}
