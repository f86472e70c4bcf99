/** How the webhook delivers, as the environment says (issue 11, "Modes"). */
export type DeliveryEnv =
  | { ok: true; mode: 'direct' }
  | { ok: true; mode: 'queue'; queueUrl: string; table: string | null }
  | { ok: false; problem: string };

/**
 * DELIVERY_MODE `queue` or `direct`, unset (or empty) meaning direct; queue mode needs
 * DELIVERY_QUEUE_URL. Anything else is a deployment mistake that every request reports as
 * 500 "settings unavailable", with `problem` (naming the variable, never a value that could
 * be a secret) in the log. DELIVERY_TABLE is optional: without it the replay and burst
 * checks stay in each container and every ping is queued.
 */
export function readDeliveryEnv(env: Readonly<Record<string, string | undefined>>): DeliveryEnv {
  const mode = env.DELIVERY_MODE ?? '';
  if (mode === '' || mode === 'direct') return { ok: true, mode: 'direct' };
  if (mode !== 'queue') {
    return { ok: false, problem: 'DELIVERY_MODE must be "queue" or "direct" (or unset: direct)' };
  }
  const queueUrl = env.DELIVERY_QUEUE_URL ?? '';
  if (queueUrl === '') {
    return { ok: false, problem: 'DELIVERY_QUEUE_URL is not set, and DELIVERY_MODE is queue' };
  }
  return { ok: true, mode: 'queue', queueUrl, table: env.DELIVERY_TABLE || null };
}
