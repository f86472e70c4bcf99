import type { HttpPost } from '../../lib/http/keep-alive-post';
import type { QueueSender } from '../../lib/delivery/ports';
import type { VirtualClock } from '../../dev/queue/virtual-clock';
import type { Platforms } from './platforms';

/** A switch the scenarios flip to take a service away from one side of the system. */
export interface Outage {
  down: boolean;
}

/**
 * An HTTP transport that fails like an unreachable service while `outage.down`: the
 * connection is refused (an ECONNREFUSED error), nothing reaches the service.
 */
export function withOutage(post: HttpPost, outage: Outage): HttpPost {
  return (url, body, options) => {
    if (!outage.down) return post(url, body, options);
    const error = Object.assign(new Error(`connect ECONNREFUSED ${new URL(url).host}`), {
      code: 'ECONNREFUSED',
    });
    return Promise.reject(error);
  };
}

/**
 * The webhook's queue sender with the time an SQS call takes on the virtual clock: `okMs`
 * for an answered call, `failedMs` for one that fails (a timeout), so the webhook's delivery
 * budget, measured on the clock, runs out as it would.
 */
export function withCallTime(
  sender: QueueSender,
  clock: VirtualClock,
  time: { okMs: number; failedMs: number },
): QueueSender {
  return {
    async sendBatch(entries, signal) {
      try {
        const results = await sender.sendBatch(entries, signal);
        await clock.sleep(time.okMs);
        return results;
      } catch (error) {
        await clock.sleep(time.failedMs);
        throw error;
      }
    },
  };
}

/**
 * DingTalk answering `-1` (system busy) to a share of the requests, picked by `random`: the
 * emulator is told to answer the next request of that robot so, and it still records it.
 */
export function withBusyAnswers(
  post: HttpPost,
  platforms: Platforms,
  share: number,
  random: () => number,
): HttpPost {
  if (share <= 0) return post;
  return (url, body, options) => {
    const token = new URL(url).searchParams.get('access_token');
    if (token?.startsWith('tokentest-') && random() < share) {
      platforms.dingtalk.emulator.setFault(token.slice('tokentest-'.length), {
        kind: 'errcode',
        errcode: -1,
        errmsg: '系统繁忙',
        times: 1,
      });
    }
    return post(url, body, options);
  };
}
