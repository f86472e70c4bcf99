import { signTimestamp } from '../lib/crypto/hmac';

/**
 * A payload delivered the way gitee.com delivers it in signing-key mode
 * (gitee-webhook-protocol.md §1–§2): X-Gitee-Token = sign(timestamp), the same timestamp in
 * X-Gitee-Timestamp and in the body with `sign`, and the event headers of a real delivery.
 */
export interface SignedDelivery {
  headers: Record<string, string>;
  body: string;
}

export interface DeliveryAnswer {
  status: number;
  /** The parsed JSON answer, or the raw text when it was not JSON. */
  answer: unknown;
  /** The event keys the playground queued for this delivery (queue mode only). */
  eventKeys?: string[];
}

/**
 * The playground's own answer header (never the Lambda's): the keys of the events a delivery
 * put on the embedded queue, so `npm run send` and the page can follow their fates.
 */
export const EVENT_KEYS_HEADER = 'x-playground-event-keys';

/** Gitee's Test button sends canned data for repository oschina/gitee (protocol notes §3.7). */
function isTestPing(body: Record<string, unknown>): boolean {
  const repository = body.repository;
  return (
    typeof repository === 'object' &&
    repository !== null &&
    (repository as Record<string, unknown>).path_with_namespace === 'oschina/gitee'
  );
}

/**
 * X-Gitee-Event for a body (§1.3): real events send "Push Hook", "Merge Request Hook", …, which
 * is the hook_name spelled out; the Test ping sends the hook_name itself.
 */
export function giteeEventHeader(body: Record<string, unknown>): string {
  const hookName = typeof body.hook_name === 'string' ? body.hook_name : '';
  if (isTestPing(body) || !hookName.endsWith('_hooks')) return hookName;
  const words = hookName.replace(/_hooks$/, '').split('_');
  return `${words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ')} Hook`;
}

/**
 * Signs a payload text with a fresh timestamp. A JSON object gets its `timestamp` and `sign`
 * fields set as Gitee sets them; any other text is sent unchanged, so a broken file still
 * reaches the handler and shows its 400 answer.
 */
export function signDelivery(payload: string, secret: string, now: number): SignedDelivery {
  const timestamp = String(now);
  const token = signTimestamp(timestamp, secret);
  const body = parseObject(payload);
  const event = body === null ? '' : giteeEventHeader(body);
  return {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'git-oschina-hook',
      'x-gitee-token': token,
      'x-gitee-timestamp': timestamp,
      'x-gitee-event': event,
      'x-git-oschina-event': event,
      'x-gitee-ping': String(body !== null && isTestPing(body)),
    },
    body: body === null ? payload : JSON.stringify({ ...body, timestamp, sign: token }),
  };
}

/** POSTs a signed delivery and reads the answer; network errors reject (the caller explains). */
export async function postDelivery(
  url: string,
  delivery: SignedDelivery,
  fetchImpl: typeof fetch = fetch,
): Promise<DeliveryAnswer> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  const text = await response.text();
  const keys = response.headers.get(EVENT_KEYS_HEADER);
  return {
    status: response.status,
    answer: parseJson(text) ?? text,
    ...(keys === null ? {} : { eventKeys: keys.split(',').filter(Boolean) }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  const value = parseJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
