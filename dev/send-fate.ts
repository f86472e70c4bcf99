import { FINAL_FATES, type ContractDelivery } from './playground-fates';

/** The issue's "wait up to 5 s": long enough for a lone event, short enough to wait for. */
export const FATE_WAIT_MS = 5000;

export interface WaitOptions {
  timeoutMs?: number;
  /** Between two reads of /playground/deliveries. */
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The fates of the events `keys` names, read from the playground until each is final (sent,
 * merged, dead-lettered) or the time is up; then what is known, in the order of `keys`. The
 * feed lists an event as queued before the webhook answers, so only a clear in between
 * leaves one out.
 */
export async function waitForFates(
  serverUrl: string,
  keys: readonly string[],
  options: WaitOptions = {},
): Promise<ContractDelivery[]> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const fetchImpl = options.fetchImpl ?? fetch;
  const deadline = now() + (options.timeoutMs ?? FATE_WAIT_MS);
  const url = new URL('/playground/deliveries', serverUrl).toString();
  for (;;) {
    const response = await fetchImpl(url);
    const listed = (await response.json()) as ContractDelivery[];
    const byKey = new Map(listed.map((delivery) => [delivery.event, delivery]));
    const fates = keys.flatMap((key) => byKey.get(key) ?? []);
    const settled = fates.every((fate) => FINAL_FATES.has(fate.fate));
    if ((settled && fates.length === keys.length) || now() >= deadline) return fates;
    await sleep(Math.min(options.pollMs ?? 100, Math.max(0, deadline - now())));
  }
}

/**
 * What `npm run send` prints after a queued answer: a heading, then one line per event's
 * fate once each is final or FATE_WAIT_MS is up.
 */
export async function fateReport(
  serverUrl: string,
  keys: readonly string[],
  options: WaitOptions = {},
): Promise<string[]> {
  const waitMs = options.timeoutMs ?? FATE_WAIT_MS;
  const fates = await waitForFates(serverUrl, keys, { ...options, timeoutMs: waitMs });
  const missing = keys.length - fates.length;
  return [
    `Fates (followed for up to ${waitMs / 1000} s):`,
    ...fates.map((fate) => `  ${describeFate(fate, (options.now ?? Date.now)())}`),
    ...(missing > 0 ? [`  ${missing} more not listed (the page was cleared)`] : []),
  ];
}

/** One line per fate for the terminal: what happened, and for a wait, until when and why. */
export function describeFate(delivery: ContractDelivery, now: number = Date.now()): string {
  const who = delivery.platform ? `${delivery.robot} (${delivery.platform})` : delivery.robot;
  const why = delivery.reason === undefined ? '' : ` (${delivery.reason})`;
  switch (delivery.fate) {
    case 'queued':
      return `${who}: queued, not sent yet${why}`;
    case 'deferred': {
      if (delivery.until === undefined) return `${who}: deferred${why}`;
      const seconds = Math.max(0, Math.ceil((delivery.until - now) / 1000));
      return `${who}: deferred until ${clock(delivery.until)} (in ${seconds} s)${why}`;
    }
    case 'sent':
      return `${who}: sent alone`;
    case 'merged': {
      const count = delivery.digestOf?.length;
      return `${who}: merged into a digest${count === undefined ? '' : ` of ${count} events`}`;
    }
    case 'dead-lettered':
      return `${who}: dead-lettered${why}`;
  }
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour12: false });
}
