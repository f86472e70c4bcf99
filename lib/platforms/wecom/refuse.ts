import { wecomLimitedContent } from './limits';
import type { WecomMessage } from './message';

/**
 * Why WeCom would refuse this message as it is, in plain words, or null: the limited
 * content over its bytes (40058) or empty (44004); feishu-wecom-robot-api.md §2.5, §2.7.
 */
export function refuseWecom(message: WecomMessage): string | null {
  const limited = wecomLimitedContent({ ...message });
  if (limited === null) return null;
  if (limited.bytes === 0) return `${limited.field} is empty, which WeCom refuses`;
  return limited.bytes > limited.maxBytes
    ? `${limited.field} is ${limited.bytes} bytes of UTF-8; WeCom accepts at most ${limited.maxBytes}`
    : null;
}
