import { ANSWERS, missingField, type Answer } from './answers';
import { asRecord } from '../fakes/loopback-fake';

/**
 * Required fields per webhook msgtype (§5). Keywords are searched in the shown text: every
 * field but a URL, and the titles of a feedCard's links.
 */
const FIELDS: Record<string, string[]> = {
  text: ['content'],
  markdown: ['title', 'text'],
  actionCard: ['title', 'text'],
  link: ['title', 'text', 'messageUrl'],
  feedCard: ['links'],
};

/** The text DingTalk would show (for the keyword check), or the answer refusing the body. */
export function readMessage(message: unknown): { visibleText: string } | Answer {
  const msgtype = asRecord(message)?.msgtype;
  if (typeof msgtype !== 'string' || msgtype === '') return ANSWERS.noMsgtype;
  const fields = FIELDS[msgtype];
  if (fields === undefined) return ANSWERS.unsupported;
  const content = asRecord(asRecord(message)?.[msgtype]);
  const visible: string[] = [];
  for (const field of fields) {
    const value = content?.[field];
    const present = Array.isArray(value) ? value.length > 0 : typeof value === 'string';
    if (!present || value === '') return missingField(msgtype, field);
    if (typeof value === 'string' && !field.endsWith('Url')) visible.push(value);
    if (Array.isArray(value))
      visible.push(...(value as unknown[]).map((link) => String(asRecord(link)?.title)));
  }
  return { visibleText: visible.join('\n') };
}
