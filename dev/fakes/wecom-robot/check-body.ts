import { WECOM_CONTENT_BYTES, WECOM_LIMITS } from '../../../lib/platforms/wecom/limits';
import { asRecord } from '../loopback-fake';
import { ANSWERS, type Caller, type WecomAnswer } from './answers';

/** §2.2: the eight msgtypes, lower-case only ("Markdown" is 40008, hertzbeat PR #984). */
const MSGTYPES = new Set([
  'text',
  'markdown',
  'markdown_v2',
  'image',
  'news',
  'file',
  'voice',
  'template_card',
]);

function checkContent(
  msgtype: keyof typeof WECOM_CONTENT_BYTES,
  part: Record<string, unknown> | null,
  caller: Caller,
): WecomAnswer | null {
  const content = part?.content;
  if (typeof content !== 'string' || content === '') return ANSWERS.emptyContent(caller);
  // §2.5: bytes of UTF-8. The real server is known to refuse text only above 5120 bytes and
  // to cut the display past 2048; the emulator holds the relay to the documented 2048.
  const maxBytes = WECOM_CONTENT_BYTES[msgtype];
  return Buffer.byteLength(content, 'utf8') > maxBytes
    ? ANSWERS.tooLong(`${msgtype}.content`, maxBytes, caller)
    : null;
}

/** §2.2 "文本通知模版卡片": the fields WeCom requires and the documented list lengths. */
function checkTemplateCard(
  card: Record<string, unknown> | null,
  caller: Caller,
): WecomAnswer | null {
  const bad = (field: string) => ANSWERS.badParameter(`template_card.${field}`, caller);
  if (card === null) return bad('');
  if (card.card_type !== 'text_notice' && card.card_type !== 'news_notice') return bad('card_type');
  const title = asRecord(card.main_title)?.title;
  const hasTitle = typeof title === 'string' && title !== '';
  if (!hasTitle && (typeof card.sub_title_text !== 'string' || card.sub_title_text === '')) {
    return bad('main_title');
  }
  const action = asRecord(card.card_action);
  if (action === null || (action.type === 1 && typeof action.url !== 'string')) {
    return bad('card_action');
  }
  const { maxHorizontalItems, maxJumpItems } = WECOM_LIMITS.templateCard;
  const lists: Array<[string, number]> = [
    ['horizontal_content_list', maxHorizontalItems],
    ['jump_list', maxJumpItems],
  ];
  for (const [field, max] of lists) {
    const list = card[field];
    if (list !== undefined && (!Array.isArray(list) || list.length > max)) return bad(field);
  }
  // Each item's name is required ("必填"): keyname beside a value, title on a button.
  const required: Array<[string, string]> = [
    ['horizontal_content_list', 'keyname'],
    ['jump_list', 'title'],
  ];
  for (const [field, name] of required) {
    const list = card[field];
    const items: unknown[] = Array.isArray(list) ? list : [];
    if (items.some((item) => !nonEmpty(asRecord(item)?.[name]))) return bad(`${field}.${name}`);
  }
  return null;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** The answer refusing a message's shape or size, or null when WeCom would take it. */
export function checkWecomMessage(message: unknown, caller: Caller): WecomAnswer | null {
  if (message === undefined) return ANSWERS.badJson(caller);
  const body = asRecord(message);
  const msgtype = body?.msgtype;
  if (typeof msgtype !== 'string' || !MSGTYPES.has(msgtype)) return ANSWERS.invalidType(caller);
  const part = asRecord(body?.[msgtype]);
  if (msgtype === 'text' || msgtype === 'markdown' || msgtype === 'markdown_v2') {
    return checkContent(msgtype, part, caller);
  }
  if (msgtype === 'template_card') return checkTemplateCard(part, caller);
  return part === null ? ANSWERS.badParameter(msgtype, caller) : null;
}
