import { MAX_MESSAGE_BYTES, messageBytes, type DingTalkMessage } from './message';

/** DingTalk's limits per robot (dingtalk-robot-api.md §3, §4, §6). */
export const DINGTALK_LIMITS = {
  /** UTF-8 bytes of the JSON body; more is refused with 460101. */
  bodyBytes: MAX_MESSAGE_BYTES,
  /** Custom keywords a robot can have. */
  maxKeywords: 10,
  /** 20 messages a minute; the 21st blocks the robot for 10 minutes. */
  rate: { perMinute: 20, penaltyMs: 10 * 60_000 },
} as const;

/** Why DingTalk would refuse this message for its size, or null. */
export function refuseDingTalk(message: DingTalkMessage): string | null {
  const bytes = messageBytes(message);
  return bytes > DINGTALK_LIMITS.bodyBytes
    ? `${bytes} bytes, DingTalk accepts at most ${DINGTALK_LIMITS.bodyBytes}`
    : null;
}
