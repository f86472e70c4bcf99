import { performance } from 'node:perf_hooks';
import { MAX_MESSAGE_BYTES, messageBytes, type MsgType } from '../lib/platforms/dingtalk/message';
import { formatMessage, type FormatOptions } from '../lib/platforms/dingtalk/format';
import { parseGiteeDelivery } from '../lib/gitee/parse';
import { formatCorpus } from './format-corpus';
import { MIB } from './format-texts';
import { median, round } from './stats';

const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];

export interface FormatFigures {
  /** The slowest (event, msgtype) of the corpus: the median of its repeats, in ms. */
  worstFormatMs: number;
  worstEvent: string;
  /** Median over the whole corpus of each pair's median, for scale. */
  medianFormatMs: number;
  pairs: number;
  /** Messages over DingTalk's 20,000 bytes: the size guarantee broken (tests must catch it). */
  oversizedMessages: number;
}

function options(msgtype: MsgType): FormatOptions {
  return {
    locale: 'zh-CN',
    msgtype,
    timezone: 'Asia/Shanghai',
    maxCommits: 50,
    linkMode: 'dingtalk',
    keywords: ['Gitee'],
    mentions: {},
    atAll: false,
    giteeHosts: ['gitee.com'],
  };
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * worstFormatMs: formatMessage alone (the body is parsed outside the clock) on every event of
 * the adversarial corpus, each msgtype `repeats` times. One body at a time is built, so the
 * run holds a few MiB, not the whole corpus.
 */
export function measureWorstFormat(
  sizes: { repeats: number; bodyBytes?: number },
  log: (line: string) => void,
): FormatFigures {
  const { repeats, bodyBytes = MIB } = sizes;
  const corpus = formatCorpus(bodyBytes);
  let worst = { ms: -1, name: '' };
  const medians: number[] = [];
  let oversized = 0;
  for (const [index, event] of corpus.entries()) {
    const body = event.body();
    if (Buffer.byteLength(body, 'utf8') > bodyBytes) {
      throw new Error(`${event.name}: body over ${bodyBytes} bytes`);
    }
    const delivery = parseGiteeDelivery({ headers: { 'content-type': 'application/json' }, body });
    for (const msgtype of MSGTYPES) {
      const formatOptions = options(msgtype);
      if (messageBytes(formatMessage(delivery, formatOptions)) > MAX_MESSAGE_BYTES) oversized += 1;
      const ms = median(
        Array.from({ length: repeats }, () => timed(() => formatMessage(delivery, formatOptions))),
      );
      medians.push(ms);
      if (ms > worst.ms) worst = { ms, name: `${event.name} (${msgtype})` };
    }
    if ((index + 1) % 100 === 0) log(`  formatted ${index + 1} of ${corpus.length} events`);
  }
  return {
    worstFormatMs: round(worst.ms, 2),
    worstEvent: worst.name,
    medianFormatMs: round(median(medians), 3),
    pairs: medians.length,
    oversizedMessages: oversized,
  };
}
