import { WECOM_CONTENT_BYTES } from './limits';
import type { WecomMessage } from './message';

const ELLIPSIS = '…';

/**
 * `text` cut to at most `maxBytes` of UTF-8, on a code point boundary, ending in "…" when cut
 * (feishu-wecom-robot-api.md §2.5: never split a multi-byte sequence).
 */
export function cutUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8'));
  // A continuation byte (10xxxxxx) is inside a character: step back to its first byte.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString('utf8') + ELLIPSIS;
}

/**
 * The limited content of a message cut to WeCom's bytes: the guarantee under the fit ladder,
 * reached only when even its last resort is too long. Escaping swapped whole characters, so
 * a cut cannot undo it.
 */
export function squeezeWecom(message: WecomMessage): WecomMessage {
  switch (message.msgtype) {
    case 'markdown':
      return {
        msgtype: 'markdown',
        markdown: { content: cutUtf8(message.markdown.content, WECOM_CONTENT_BYTES.markdown) },
      };
    case 'markdown_v2':
      return {
        msgtype: 'markdown_v2',
        markdown_v2: {
          content: cutUtf8(message.markdown_v2.content, WECOM_CONTENT_BYTES.markdown_v2),
        },
      };
    case 'text':
      return {
        ...message,
        text: { ...message.text, content: cutUtf8(message.text.content, WECOM_CONTENT_BYTES.text) },
      };
    case 'template_card':
      return message;
  }
}
