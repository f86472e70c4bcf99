import type { QueueEntry, QueueMessageBody, QueueSender } from '../../lib/delivery/ports';
import type { SettingsSource } from '../../lib/settings/source';
import type { Settings } from '../../lib/settings/types';
import { emptyView, link, person, user, word } from '../../lib/view/event-view';
import { createRequestTracker, watchQueueSender } from '../../dev/playground-enqueued';
import { createFateFeed, type FateEvent } from '../../dev/playground-fates';

const KEY = (n: number) => `${String(n).padStart(2, '0')}${'ab'.repeat(31)}`;

function bodyFor(n: number, robot = 'team'): QueueMessageBody {
  const view = emptyView([
    person({ login: 'kit101', name: 'kit101' }),
    word(' 推送了标签 '),
    ...link(user(`v1.${n}`), `https://gitee.com/kit101/drone-yml-test/tree/v1.${n}`),
  ]);
  return {
    v: 1,
    robot,
    key: KEY(n),
    receivedAt: 1_700_000_000_000 + n,
    event: { kind: 'tag_push', action: 'create', repository: 'kit101/drone-yml-test' },
    view,
  };
}

function clock(start = 1_700_000_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('the fate feed', () => {
  it('lists each event once per robot, newest first, with exactly the contract fields', () => {
    const time = clock();
    const feed = createFateFeed(time.now);
    feed.queued(bodyFor(1), 'dingtalk', 1);
    feed.queued(bodyFor(2), 'dingtalk', 2);
    feed.observe({ fate: 'sent', robot: 'team', platform: 'dingtalk', keys: [KEY(1)] });

    const deliveries = feed.deliveries();

    expect(deliveries).toEqual([
      { event: KEY(2), robot: 'team', platform: 'dingtalk', fate: 'queued' },
      { event: KEY(1), robot: 'team', platform: 'dingtalk', fate: 'sent' },
    ]);
  });

  it('shows a deferral until when and why, then the digest it was merged into', () => {
    const time = clock();
    const feed = createFateFeed(time.now);
    for (const n of [1, 2, 3, 4]) feed.queued(bodyFor(n), 'dingtalk', n);
    const until = time.now() + 42_000;
    feed.observe({
      fate: 'deferred',
      robot: 'team',
      platform: 'dingtalk',
      keys: [KEY(3), KEY(4)],
      until,
      reason: 'rate limit',
    });
    time.advance(42_000);
    feed.observe({
      fate: 'merged',
      robot: 'team',
      platform: 'dingtalk',
      keys: [KEY(3), KEY(4)],
      digestOf: [KEY(3), KEY(4)],
    });

    const [fourth, third] = feed.entries();

    expect(third).toMatchObject({ fate: 'merged', digestOf: [KEY(3), KEY(4)], request: 3 });
    expect(third).not.toHaveProperty('until');
    expect(third?.history.map((step) => step.fate)).toEqual(['queued', 'deferred', 'merged']);
    expect(third?.history[1]).toMatchObject({ until, reason: 'rate limit' });
    expect(fourth?.summary).toBe('kit101 推送了标签 v1.4');
    expect(fourth).toMatchObject({ kind: 'tag_push', action: 'create' });
  });

  it('takes a merged outcome without digestOf as a digest of its keys', () => {
    const feed = createFateFeed(clock().now);
    feed.queued(bodyFor(1), 'feishu', null);
    feed.queued(bodyFor(2), 'feishu', null);

    feed.observe({ fate: 'merged', robot: 'team', platform: 'feishu', keys: [KEY(1), KEY(2)] });

    expect(feed.deliveries().map((entry) => entry.digestOf)).toEqual([
      [KEY(1), KEY(2)],
      [KEY(1), KEY(2)],
    ]);
  });

  it('keeps the platform an event was queued for when the robot has left the settings', () => {
    const feed = createFateFeed(clock().now);
    feed.queued(bodyFor(1, 'gone'), 'wecom', 1);

    feed.observe({
      fate: 'dead-lettered',
      robot: 'gone',
      platform: null,
      keys: [KEY(1)],
      reason: 'robot_removed',
    });

    expect(feed.deliveries()).toEqual([
      {
        event: KEY(1),
        robot: 'gone',
        platform: 'wecom',
        fate: 'dead-lettered',
        reason: 'robot_removed',
      },
    ]);
  });

  it('after a clear, lists a later fate again and still says which event it is about', () => {
    const feed = createFateFeed(clock().now);
    const seen: FateEvent[] = [];
    feed.subscribe((event) => seen.push(event));
    feed.queued(bodyFor(1), 'dingtalk', 7);

    feed.clear();
    feed.observe({ fate: 'sent', robot: 'team', platform: 'dingtalk', keys: [KEY(1)] });

    expect(seen.map((event) => event.kind)).toEqual(['fate', 'cleared', 'fate']);
    expect(feed.entries()).toEqual([
      expect.objectContaining({ fate: 'sent', request: 7, summary: 'kit101 推送了标签 v1.1' }),
    ]);
  });

  it('keeps the consumer fate when it arrives before the enqueue is acknowledged', () => {
    const feed = createFateFeed(clock().now);
    feed.observe({ fate: 'sent', robot: 'team', platform: 'dingtalk', keys: [KEY(1)] });

    feed.queued(bodyFor(1), 'dingtalk', 3);

    expect(feed.entries()).toEqual([
      expect.objectContaining({ fate: 'sent', request: 3, kind: 'tag_push' }),
    ]);
  });
});

describe('the watched queue sender', () => {
  const settings: SettingsSource = {
    get: () =>
      Promise.resolve({
        robots: [
          { name: 'team', platform: 'dingtalk' },
          { name: 'lark', platform: 'feishu' },
        ],
      } as unknown as Settings),
    refresh() {
      return this.get();
    },
  };

  /** Takes every entry but those it is told to refuse, as SendMessageBatch answers per entry. */
  function queueRefusing(ids: string[]): QueueSender & { taken: QueueEntry[] } {
    const taken: QueueEntry[] = [];
    return {
      taken,
      sendBatch(entries) {
        return Promise.resolve(
          entries.map((entry) => {
            if (ids.includes(entry.id)) return { id: entry.id, ok: false, error: 'InternalError' };
            taken.push(entry);
            return { id: entry.id, ok: true };
          }),
        );
      },
    };
  }

  const entry = (id: string, body: QueueMessageBody): QueueEntry => ({
    id,
    groupId: 'r-0123456789abcdef',
    deduplicationId: body.key,
    body: JSON.stringify(body),
  });

  it('lists what the queue took as queued, under the request that sent it', async () => {
    const feed = createFateFeed(clock().now);
    const tracker = createRequestTracker();
    const queue = queueRefusing(['b']);
    const sender = watchQueueSender(queue, { feed, tracker, settings });

    const first = await tracker.track(() =>
      sender.sendBatch(
        [entry('a', bodyFor(1)), entry('b', bodyFor(2)), entry('c', bodyFor(3, 'lark'))],
        new AbortController().signal,
      ),
    );
    const second = await tracker.track(() =>
      sender.sendBatch([entry('a', bodyFor(4))], new AbortController().signal),
    );

    expect(first.keys).toEqual([KEY(1), KEY(3)]);
    expect(second.keys).toEqual([KEY(4)]);
    expect(first.result.map((result) => result.ok)).toEqual([true, false, true]);
    expect(feed.entries().map((each) => [each.event, each.platform, each.request])).toEqual([
      [KEY(4), 'dingtalk', 2],
      [KEY(3), 'feishu', 1],
      [KEY(1), 'dingtalk', 1],
    ]);
  });

  it('keeps requests that run side by side apart', async () => {
    const feed = createFateFeed(clock().now);
    const tracker = createRequestTracker();
    const sender = watchQueueSender(queueRefusing([]), { feed, tracker, settings });
    const send = (n: number) =>
      tracker.track(async () => {
        await new Promise((resolve) => setTimeout(resolve, (5 - n) * 5));
        return sender.sendBatch([entry('a', bodyFor(n))], new AbortController().signal);
      });

    const answers = await Promise.all([1, 2, 3, 4].map(send));

    expect(answers.map((answer) => answer.keys)).toEqual([[KEY(1)], [KEY(2)], [KEY(3)], [KEY(4)]]);
  });

  it('does not list a flush token as an event', async () => {
    const feed = createFateFeed(clock().now);
    const sender = watchQueueSender(queueRefusing([]), {
      feed,
      tracker: createRequestTracker(),
      settings,
    });
    const token = { flush: 1, group: 'r-0123456789abcdef', robot: 'team' };

    await sender.sendBatch(
      [
        {
          id: 'f',
          groupId: 'f-0123456789abcdef',
          deduplicationId: 'f-1',
          body: JSON.stringify(token),
        },
      ],
      new AbortController().signal,
    );

    expect(feed.deliveries()).toEqual([]);
  });
});
