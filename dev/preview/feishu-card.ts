import { fieldsOf, listOf, stringOf, type Fields } from './fields';
import { renderFeishuMarkdown, type FeishuDialect } from './feishu-markdown';
import { element, escapeHtml, linkHtml } from './html';
import { FEISHU_TEMPLATES, type CardHeader, type FeishuTemplate } from './types';

/** Card HTML and the mentions it shows. */
interface Drawn {
  html: string;
  mentions: string[];
}

const drawn = (html: string): Drawn => ({ html, mentions: [] });

function join(parts: Drawn[]): Drawn {
  return {
    html: parts.map((part) => part.html).join(''),
    mentions: parts.flatMap((part) => part.mentions),
  };
}

/** A `plain_text` or `lark_md` text object (§1.5.1). */
function textObject(text: Fields, className: string): Drawn {
  const content = stringOf(text.content);
  if (text.tag === 'lark_md') {
    const { html, mentions } = renderFeishuMarkdown(content, 'lark_md');
    return { html: element('div', `${className} md`, html), mentions };
  }
  return drawn(element('div', `${className} plain`, escapeHtml(content)));
}

function markdownElement(item: Fields, dialect: FeishuDialect): Drawn {
  const { html, mentions } = renderFeishuMarkdown(stringOf(item.content), dialect);
  const small = item.text_size === 'notation' ? ' notation' : '';
  return { html: element('div', `card-md md${small}`, html), mentions };
}

/** A button opens its page (custom bots may do nothing else, §1.5); `primary` is filled. */
function buttonHtml(button: Fields, url: string): string {
  const kind = button.type === 'primary' ? 'card-button primary' : 'card-button';
  return linkHtml(url, escapeHtml(stringOf(fieldsOf(button.text).content)), kind);
}

/** 1.0: `url`, or `multi_url.url`. */
function card1ButtonUrl(button: Fields): string {
  return stringOf(button.url) || stringOf(fieldsOf(button.multi_url).url);
}

/** 2.0: the `open_url` behaviour's address (§1.5.2). */
function card2ButtonUrl(button: Fields): string {
  const open = listOf(button.behaviors).find((behaviour) => behaviour.type === 'open_url');
  return stringOf(open?.default_url);
}

const buttonRow = (buttons: string[]): Drawn =>
  drawn(element('div', 'card-actions', buttons.join('')));

function unknownElement(tag: unknown): Drawn {
  const name = typeof tag === 'string' && tag !== '' ? tag : '?';
  return drawn(element('div', 'placeholder', `[${escapeHtml(name)}]`));
}

/** One element of a 1.0 card's `elements`. */
function card1Element(item: Fields): Drawn {
  switch (item.tag) {
    case 'div': {
      const fields = listOf(item.fields).map((field) =>
        textObject(
          fieldsOf(field.text),
          field.is_short === true ? 'card-field short' : 'card-field',
        ),
      );
      const text = item.text === undefined ? [] : [textObject(fieldsOf(item.text), 'card-text')];
      return join([...text, ...fields]);
    }
    case 'markdown':
      return markdownElement(item, 'card1');
    case 'hr':
      return drawn('<hr class="card-hr">');
    case 'action':
      return buttonRow(
        listOf(item.actions).map((button) => buttonHtml(button, card1ButtonUrl(button))),
      );
    case 'note': {
      const parts = listOf(item.elements).map((part) => textObject(part, 'note-part'));
      const inner = join(parts);
      return { html: element('div', 'card-note', inner.html), mentions: inner.mentions };
    }
    case 'img':
      return drawn(element('div', 'placeholder', '[图片]'));
    default:
      return unknownElement(item.tag);
  }
}

/** The elements of a 2.0 card's `body`; buttons in a row sit side by side. */
function card2Elements(items: Fields[]): Drawn {
  const parts: Drawn[] = [];
  let buttons: string[] = [];
  const flush = () => {
    if (buttons.length > 0) parts.push(buttonRow(buttons));
    buttons = [];
  };
  for (const item of items) {
    if (item.tag === 'button') {
      buttons.push(buttonHtml(item, card2ButtonUrl(item)));
      continue;
    }
    flush();
    if (item.tag === 'markdown') parts.push(markdownElement(item, 'card2'));
    else parts.push(card1Element(item));
  }
  flush();
  return join(parts);
}

function templateOf(value: unknown): FeishuTemplate {
  return FEISHU_TEMPLATES.find((name) => name === value) ?? 'default';
}

/** A card (1.0, or 2.0 when `schema` says so) as the Feishu client draws it. */
export function renderFeishuCard(card: Fields): Drawn & { header: CardHeader | null } {
  const header = fieldsOf(card.header);
  const title = stringOf(fieldsOf(header.title).content);
  const body =
    card.schema === '2.0'
      ? card2Elements(listOf(fieldsOf(card.body).elements))
      : join(listOf(card.elements).map(card1Element));
  return {
    header: title === '' ? null : { title, template: templateOf(header.template) },
    html: element('div', 'feishu-card', body.html),
    mentions: body.mentions,
  };
}
