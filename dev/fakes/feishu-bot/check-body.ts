import { safeEqual } from '../../../lib/crypto/hmac';
import { FEISHU_LIMITS } from '../../../lib/platforms/feishu/limits';
import { signFeishuTimestamp } from '../../../lib/platforms/feishu/sign';
import type { EmulatedFeishuBot } from '../feishu-bot';
import { asRecord } from '../loopback-fake';
import { ANSWERS, type FeishuAnswer } from './answers';

// §1.4, §1.5.2: elements a 2.0 card must not contain, and 1.0 leftovers it rejects.
const REMOVED_IN_2 = new Set(['note', 'action']);
const NOT_IN_2 = ['elements', 'i18n_elements', 'fallback'];

/**
 * Strings under text-like keys anywhere in a card or post: §1.2 matches keywords in `text`,
 * `title` and the like, never in `href`, `url` or a button's `behaviors`.
 */
function visibleStrings(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const item of value) visibleStrings(item, out);
  const record = asRecord(value);
  for (const [key, child] of Object.entries(record ?? {})) {
    if (typeof child === 'string' && ['text', 'title', 'content', 'user_name'].includes(key)) {
      out.push(child);
    } else if (typeof child === 'object') visibleStrings(child, out);
  }
  return out;
}

/** Markdown and lark_md link targets are not shown, so `[text](url)` counts as `text`. */
function withoutLinkTargets(text: string): string {
  return text.replace(/\]\([^)\s]*\)/g, ']').replace(/<a\s[^>]*>/gi, '<a>');
}

/** Whether the card breaks a 2.0 rule the 1.0 format tolerated (§1.5.2). */
function invalidCard(card: Record<string, unknown>): boolean {
  if (card.schema !== '2.0') {
    return !Array.isArray(card.elements) && asRecord(card.i18n_elements) === null;
  }
  if (NOT_IN_2.some((key) => key in card)) return true;
  const elements = asRecord(card.body)?.elements;
  if (!Array.isArray(elements)) return true;
  return elements.some((element) => REMOVED_IN_2.has(String(asRecord(element)?.tag)));
}

/** The text Feishu would match keywords against, or the answer refusing the message shape. */
function readFeishuMessage(
  message: unknown,
): { msgType: string; visibleText: string } | FeishuAnswer {
  const body = asRecord(message);
  const msgType = body?.msg_type;
  if (body === null || typeof msgType !== 'string') return ANSWERS.badRequest;
  const content = asRecord(body.content);
  if (msgType === 'text') {
    const text = content?.text;
    if (typeof text !== 'string' || text === '') return ANSWERS.badRequest;
    return { msgType, visibleText: text };
  }
  if (msgType === 'post') {
    const post = asRecord(content?.post);
    const languages = Object.values(post ?? {}).map(asRecord);
    if (languages.length === 0 || languages.some((lang) => !Array.isArray(lang?.content))) {
      return ANSWERS.badRequest;
    }
    return { msgType, visibleText: visibleStrings(languages, []).join('\n') };
  }
  if (msgType === 'interactive') {
    // A card sent as `content` is refused: "params error, unknown card value" (§1.4).
    const card = asRecord(body.card);
    if (card === null || invalidCard(card)) return ANSWERS.badRequest;
    return { msgType, visibleText: visibleStrings(card, []).map(withoutLinkTargets).join('\n') };
  }
  if (msgType === 'share_chat' || msgType === 'image') {
    return content === null ? ANSWERS.badRequest : { msgType, visibleText: '' };
  }
  return ANSWERS.badRequest;
}

/**
 * §1.3: with signing on, `timestamp` (seconds; a string in the doc, a number in Gitea and
 * go-lark) and `sign` must be in the body, the sign must be the Feishu construction, and the
 * time within an hour of now. Every failure is the same 19021.
 */
function checkFeishuSignature(
  message: unknown,
  secret: string | undefined,
  nowMs: number,
): FeishuAnswer | null {
  if (secret === undefined || secret === '') return null;
  const body = asRecord(message);
  const { timestamp, sign } = body ?? {};
  const ts = typeof timestamp === 'number' ? String(timestamp) : timestamp;
  if (typeof ts !== 'string' || !/^\d+$/.test(ts) || typeof sign !== 'string') {
    return ANSWERS.badSign;
  }
  if (!safeEqual(sign, signFeishuTimestamp(ts, secret))) return ANSWERS.badSign;
  const within = Math.abs(nowMs - Number(ts) * 1000) <= FEISHU_LIMITS.timestampWindowMs;
  return within ? null : ANSWERS.badSign;
}

/** Signature, then shape, then keywords, as a refusal or null (§1.2, §1.3, §1.4). */
export function checkFeishuMessage(
  bot: EmulatedFeishuBot,
  message: unknown,
  nowMs: number,
): FeishuAnswer | null {
  if (message === undefined) return ANSWERS.badRequest;
  const signing = checkFeishuSignature(message, bot.secret, nowMs);
  if (signing !== null) return signing;
  const read = readFeishuMessage(message);
  if ('code' in read) return read;
  const { keywords = [] } = bot;
  const found = keywords.length === 0 || keywords.some((word) => read.visibleText.includes(word));
  return found ? null : ANSWERS.noKeyword;
}
