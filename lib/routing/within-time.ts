/** A store that did not answer in time: handled as if it had failed. */
export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

/**
 * `work`, or a StoreTimeoutError after `ms`. The webhook's calls to the delivery table are
 * bounded by this so a slow table costs a bounded part of Gitee's 5 s, never all of it; the
 * call left behind settles on its own (its answer is then ignored).
 */
export function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
