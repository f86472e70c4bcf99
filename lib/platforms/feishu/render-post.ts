import { en } from '../../view/locales/en';
import type { LocaleText } from '../../view/locales/locale-text';
import type { SpanStyle } from '../../view/render-blocks';
import { feishuBlocks, pagesOf, plainStyle, type FeishuRenderInput } from './blocks';
import { keywordTag } from './keyword';
import { postMentionNodes } from './mentions';
import type { PostLanguage, PostMessage, PostNode } from './message';

/**
 * renderBlocks writes each block as one string, and a post needs nodes: links are written as
 * runs between private-use marks, split into `a` nodes afterwards. User text can never hold a
 * mark: they are removed from it before it is written.
 */
const OPEN = '\uE000';
const TO = '\uE001';
const CLOSE = '\uE002';
const MARKS = /[\uE000-\uE002]/g;
const MARKED_LINK = /\uE000([^\uE001]*)\uE001([^\uE002]*)\uE002/g;

const nodeStyle: SpanStyle = {
  escape: (text) => plainStyle.escape(text.replace(MARKS, '')),
  link: (label, url) => `${OPEN}${label}${TO}${url}${CLOSE}`,
};

/**
 * `post`: rich text, one paragraph per part, links as `a` nodes and mentions as `at` nodes
 * (feishu-wecom-robot-api.md §1.4, §1.6). Text nodes are plain: no markdown, no entities.
 */
export function renderPost(input: FeishuRenderInput): PostMessage {
  const { t, mentions, keywords } = input;
  const blocks = feishuBlocks(input, nodeStyle);
  const [open, close] = t.quote;
  const pageLinks = pagesOf(input).flatMap((page, index): PostNode[] => [
    ...(index === 0 ? [] : [text(t.separator)]),
    { tag: 'a', text: page.label, href: page.url },
  ]);
  const names = blocks.unmappedNames.join(' ');
  const people: PostNode[] = [...postMentionNodes(mentions), ...(names ? [text(` ${names}`)] : [])];
  const content = [
    nodes(blocks.context),
    nodes(blocks.facts),
    ...blocks.items.map((item) => nodes(`• ${item}`)),
    nodes(blocks.more),
    blocks.excerpt ? [text(`${open}${blocks.excerpt}${close}`)] : [],
    pageLinks,
    people.length > 0 ? [text(`${t.cc}${t.colon}`), ...people] : [],
  ].filter((paragraph) => paragraph.length > 0);
  const tag = keywordTag(keywords, visibleText(content));
  if (tag !== '') {
    const [first, ...rest] = content;
    content.splice(0, content.length, [text(tag), ...(first ?? [])], ...rest);
  }
  const title = keywordTag(keywords, blocks.heading) + blocks.heading;
  return {
    msg_type: 'post',
    content: { post: { [postLanguage(t)]: { title, content } } },
  };
}

function text(value: string): PostNode {
  return { tag: 'text', text: value };
}

/** A block string with marked links → text and `a` nodes, no empty text node. */
function nodes(block: string): PostNode[] {
  const out: PostNode[] = [];
  let last = 0;
  for (const match of block.matchAll(MARKED_LINK)) {
    if (match.index > last) out.push(text(block.slice(last, match.index)));
    out.push({ tag: 'a', text: match[1] || '↗', href: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < block.length) out.push(text(block.slice(last)));
  return out;
}

/** What Feishu matches keywords against: text of text and a nodes, never an href. */
function visibleText(content: readonly PostNode[][]): string {
  return content
    .flat()
    .map((node) => (node.tag === 'at' ? '' : node.text))
    .join('\n');
}

/** The client shows the language it has; the message is written in one. */
function postLanguage(t: LocaleText): PostLanguage {
  return t === en ? 'en_us' : 'zh_cn';
}
