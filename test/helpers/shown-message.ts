/**
 * What a chat user sees of one message as an emulator received it, read straight off the wire
 * JSON (not through our renderers' types), so platform-wide invariants can be asserted on it.
 */
export interface ShownMessage {
  /** The configured msgtype the wire form was recognised as. */
  kind: string;
  /** The visible title: a field of its own, or the first line of the text. */
  title: string;
  /** The visible text below the title (for text messages, the whole content). */
  body: string;
  /** UTF-8 bytes of exactly what the platform limits, and that limit. */
  bytes: number;
  limit: number | null;
  /** Every link target, unwrapped from DingTalk's in-app link form. */
  links: string[];
  /** Who is pinged, by field. */
  pings: Record<string, string[]>;
}

type Json = Record<string, unknown>;

const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): string[] => list(value).map(str);
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');
const firstLine = (text: string): string => text.split('\n')[0] ?? '';
const afterFirstLine = (text: string): string => text.split('\n').slice(1).join('\n');

const LINK_KEYS = new Set(['url', 'href', 'actionURL', 'singleURL', 'default_url']);
const MARKDOWN_TARGET = /\]\(([^)\s]+)\)/g;
const BARE_URL = /\bhttps?:\/\/[^\s)\]"'<>]+/g;

/** Link fields, markdown link targets and bare URLs anywhere in the message. */
export function linksIn(message: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (LINK_KEYS.has(key)) found.push(value);
      for (const match of value.matchAll(MARKDOWN_TARGET)) found.push(match[1] ?? '');
      for (const match of value.matchAll(BARE_URL)) found.push(match[0]);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (typeof value === 'object' && value !== null)
      Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(message, '');
  return [...new Set(found.map(unwrapDingTalkLink))];
}

/** dingtalk://dingtalkclient/page/link?url=<encoded>&pc_slide=… opens <encoded> in the app. */
function unwrapDingTalkLink(link: string): string {
  if (!link.startsWith('dingtalk://')) return link;
  try {
    return new URL(link).searchParams.get('url') ?? link;
  } catch {
    return link;
  }
}

export function shownDingTalk(message: unknown): ShownMessage {
  const m = obj(message);
  const at = obj(m.at);
  const pings = { atMobiles: strings(at.atMobiles), atUserIds: strings(at.atUserIds) };
  const base = { bytes: utf8(JSON.stringify(m)), limit: 20_000, links: linksIn(m), pings };
  const msgtype = str(m.msgtype);
  if (msgtype === 'text') {
    const content = str(obj(m.text).content);
    return { ...base, kind: 'text', title: firstLine(content), body: content };
  }
  const part = obj(m[msgtype]);
  return { ...base, kind: msgtype, title: str(part.title), body: str(part.text) };
}

/** Feishu limits the body as sent, signature included; the feed masks the 44-character sign. */
export function shownFeishu(message: unknown): ShownMessage {
  const m = obj(message);
  const asSent = 'sign' in m ? { ...m, sign: 'x'.repeat(44) } : m;
  const base = { bytes: utf8(JSON.stringify(asSent)), limit: 20_000, links: linksIn(m) };
  const msgtype = str(m.msg_type);
  const content = obj(m.content);
  if (msgtype === 'interactive') {
    const card = obj(m.card);
    const schema2 = str(card.schema) === '2.0';
    const elements = schema2 ? list(obj(card.body).elements) : list(card.elements);
    const body = elements.map(cardElementText).join('\n');
    return {
      ...base,
      kind: schema2 ? 'interactive2' : 'interactive',
      title: str(obj(obj(card.header).title).content),
      body,
      pings: { at: atIds(body) },
    };
  }
  if (msgtype === 'post') {
    const posts = Object.values(obj(content.post)).map(obj);
    const nodes = posts.flatMap((post) => list(post.content).flatMap(list)).map(obj);
    return {
      ...base,
      kind: 'post',
      // Readers see the version in their language: every one must have its title.
      title: posts.every((post) => str(post.title)) ? str(posts[0]?.title) : '',
      body: nodes.map((node) => str(node.text)).join(''),
      pings: { at: nodes.filter((node) => node.tag === 'at').map((node) => str(node.user_id)) },
    };
  }
  const text = str(content.text);
  return { ...base, kind: 'text', title: firstLine(text), body: text, pings: { at: atIds(text) } };
}

function cardElementText(element: unknown): string {
  const e = obj(element);
  const texts = [str(obj(e.text).content), str(e.content)];
  for (const child of [...list(e.elements), ...list(e.actions)]) {
    texts.push(str(obj(child).content), str(obj(obj(child).text).content));
  }
  return texts.filter(Boolean).join('\n');
}

/** `<at id=…></at>` (cards) and `<at user_id="…"></at>` (text). */
function atIds(text: string): string[] {
  return [...text.matchAll(/<at (?:id|user_id)="?([^">\s]+)"?\s*>/g)].map((m) => m[1] ?? '');
}

export function shownWecom(message: unknown): ShownMessage {
  const m = obj(message);
  const msgtype = str(m.msgtype);
  const links = linksIn(m);
  if (msgtype === 'template_card') {
    const card = obj(m.template_card);
    const body = [
      str(obj(card.main_title).desc),
      str(card.sub_title_text),
      ...list(card.horizontal_content_list).map((item) => str(obj(item).value)),
    ].join('\n');
    const title = str(obj(card.main_title).title);
    return { kind: msgtype, title, body, bytes: 0, limit: null, links, pings: { tokens: [] } };
  }
  const part = obj(m[msgtype]);
  const content = str(part.content);
  const tokens = [...content.matchAll(/<@([^>]*)>/g)].map((match) => match[1] ?? '');
  return {
    kind: msgtype,
    title: firstLine(content),
    body: afterFirstLine(content),
    bytes: utf8(content),
    limit: msgtype === 'text' ? 2_048 : 4_096,
    links,
    pings: {
      tokens,
      mentioned_list: strings(part.mentioned_list),
      mentioned_mobile_list: strings(part.mentioned_mobile_list),
    },
  };
}
