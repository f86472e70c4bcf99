import { createHash } from 'node:crypto';
import { listFixtureNames, readFixture } from './fixture-files';
import { postDelivery, signDelivery } from './gitee-delivery';

/** Enough to pass DingTalk's 20 a minute twice over, so pacing and digests both show. */
export const DEFAULT_BURST_SIZE = 40;
export const MAX_BURST_SIZE = 200;

export interface BurstOptions {
  /** POST /webhooks/gitee of this server. */
  webhookUrl: string;
  fixturesDir: string;
  secret: string;
  count: number;
  /** Numbers this burst's tags, so a second burst is new events, not duplicates. */
  run: number;
  now: () => number;
}

/** What POST /playground/burst answers: how Gitee's delivery log would sum the burst up. */
export interface BurstAnswer {
  sample: string;
  count: number;
  /** How many deliveries got each HTTP status, e.g. { "202": 40 }. */
  statuses: Record<string, number>;
  tags: string[];
  /** The event keys the queue took (queue mode; empty in direct mode). */
  eventKeys: string[];
}

/** The tag sample the burst copies: `tag_push-create` when there is one. */
export async function burstSampleName(fixturesDir: string): Promise<string> {
  const names = await listFixtureNames(fixturesDir);
  const name = names.includes('tag_push-create')
    ? 'tag_push-create'
    : names.find((each) => each.startsWith('tag_push-create'));
  if (name === undefined) throw new Error('the samples folder has no tag_push-create sample');
  return name;
}

/**
 * `count` copies of a tag push, each a new tag (ref, after and compare of its own), so each
 * is a distinct event to the relay: the queue's deduplication sees different content.
 */
export function burstPayloads(sample: string, count: number, run: number): string[] {
  const payload = JSON.parse(sample) as Record<string, unknown>;
  const width = String(count).length;
  return Array.from({ length: count }, (_unused, index) => {
    const tag = `burst${run}-${String(index + 1).padStart(width, '0')}`;
    const after = createHash('sha1').update(`${run}/${tag}`).digest('hex');
    const compare =
      typeof payload.compare === 'string'
        ? payload.compare.replace(/[0-9a-f]{40}$/i, after)
        : payload.compare;
    return JSON.stringify({ ...payload, ref: `refs/tags/${tag}`, after, compare });
  });
}

/**
 * Posts the whole burst at once, as Gitee would for 40 tags pushed together: one signed
 * request each, side by side. Each gets its own timestamp (a millisecond apart), since a
 * timestamp and its signature may carry only one body (the replay check).
 */
export async function sendBurst(options: BurstOptions): Promise<BurstAnswer> {
  const sample = await burstSampleName(options.fixturesDir);
  const { text } = await readFixture(options.fixturesDir, sample);
  const payloads = burstPayloads(text, options.count, options.run);
  const start = options.now();
  const answers = await Promise.all(
    payloads.map((payload, index) =>
      postDelivery(options.webhookUrl, signDelivery(payload, options.secret, start - index)),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  return {
    sample,
    count: payloads.length,
    statuses,
    tags: payloads.map((payload) => tagOf(payload)),
    eventKeys: answers.flatMap((answer) => answer.eventKeys ?? []),
  };
}

function tagOf(payload: string): string {
  const { ref } = JSON.parse(payload) as { ref: string };
  return ref.replace(/^refs\/tags\//, '');
}
