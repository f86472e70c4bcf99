import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { createEventSource } from '../../dev/queue/event-source';
import { createInProcessQueues } from '../../dev/queue/in-process-queues';
import { createSqsModel } from '../../dev/queue/sqs-model';
import { createDeliverHandler } from '../../lib/delivery/deliver-handler';
import { createKeepAliveHttpPost } from '../../lib/http/keep-alive-post';
import { silentLogger } from '../../lib/logger';
import { PLATFORMS } from '../../lib/platforms';
import type { QueueMode } from '../../lib/relay';
import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import { createKeepAlivePost } from '../../lib/send/direct';
import { createMemoryPacingStore } from '../../lib/store/memory-pacing';
import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay, type TestRobot } from '../helpers/relay-harness';
import { runCliAgainstFake } from '../settings/ssm-test-client';

/**
 * Issue 12's promise, end to end: a template written in the settings file, pushed with the
 * settings CLI to SSM, is what the group receives, with the robot's keyword and signature as
 * for any message; another event keeps the built-in message.
 */
const ROBOTS: TestRobot[] = [
  { name: 'release', secret: 'SECtest-release-0123456789abcdef', keywords: ['发布'] },
];

function settingsFile(webhook: string): string {
  return `gitee:
  secret: ${GITEE_SECRET}
robots:
  release:
    webhook: ${webhook}
    secret: SECtest-release-0123456789abcdef
    keywords: [发布]
    templates:
      tag_push:
        title: "发布 {{ tag }}"
        text: |
          ### 发布 {{ tag }}
          {{ repository.full_name }} · {{ actor.name }}
`;
}

/** Queue mode as deployed, in one process: the SQS model, the memory table, the real consumer. */
function embeddedQueue() {
  const now = () => Date.now();
  const model = createSqsModel({ now });
  const urls = createDeliveryQueues(model, { stage: 'test' });
  const queues = createInProcessQueues(model, urls);
  const store = createMemoryPacingStore({ now });
  const delivery: QueueMode = {
    mode: 'queue',
    queue: queues.sender,
    store,
    replays: createMemoryReplayStore({ now }),
    bursts: createMemoryReplayStore({ now }),
  };
  return { model, urls, queues, store, delivery, now };
}

const TAG_MESSAGE = {
  msgtype: 'markdown',
  markdown: { title: '发布 1.3', text: '### 发布 1.3\nkit101/drone-yml-test · kit101' },
};

async function pushSettings(relay: Awaited<ReturnType<typeof startRelay>>): Promise<void> {
  const files = { 'settings.yml': settingsFile(relay.dingtalk.url('release')) };
  const err: string[] = [];
  const io = { endpoint: relay.ssm.endpoint, files, out: [], err, generatedSecret: 'x' };
  const pushed = await runCliAgainstFake(['push', '--stage', 'test', '--file', 'settings.yml'], io);
  expect(err).toEqual([]);
  expect(pushed).toBe(0);
}

describe('a template pushed with the settings CLI reaches the group', () => {
  it('is what the deliver function sends for a queued event', async () => {
    const queue = embeddedQueue();
    const relay = await startRelay({ robots: ROBOTS, delivery: queue.delivery });
    try {
      await pushSettings(relay);
      const handler = createDeliverHandler({
        settings: relay.settings,
        platforms: PLATFORMS,
        queues: queue.queues.consumer,
        store: queue.store,
        post: createKeepAlivePost(createKeepAliveHttpPost()),
        now: queue.now,
        logger: silentLogger,
      });
      const source = createEventSource({ model: queue.model, queue: queue.urls.delivery, handler });

      const tag = await relay.handler(
        signedGiteeEvent({ body: loadFixture('tag_push-create'), secret: GITEE_SECRET }),
      );
      expect(tag.statusCode).toBe(202);
      await source.step();

      const [tagMessage] = relay.dingtalk.emulator.received;
      expect(tagMessage?.errcode).toBe(0);
      expect(tagMessage?.message).toEqual(TAG_MESSAGE);
    } finally {
      await relay.close();
    }
  });

  it('sends the tag push as the template says and a push as built in', async () => {
    const relay = await startRelay({ robots: ROBOTS });
    try {
      await pushSettings(relay);

      const tag = await relay.handler(
        signedGiteeEvent({ body: loadFixture('tag_push-create'), secret: GITEE_SECRET }),
      );
      expect(tag.statusCode).toBe(200);
      const push = await relay.handler(
        signedGiteeEvent({ body: loadFixture('push-commits'), secret: GITEE_SECRET }),
      );
      expect(push.statusCode).toBe(200);

      const [tagMessage, pushMessage] = relay.dingtalk.emulator.received;
      expect(tagMessage?.errcode).toBe(0);
      expect(tagMessage?.message).toEqual(TAG_MESSAGE);
      expect(pushMessage?.errcode).toBe(0);
      const builtIn = JSON.stringify(pushMessage?.message);
      expect(builtIn).toContain('发布');
      expect(builtIn).not.toContain('### 发布');
    } finally {
      await relay.close();
    }
  });
});
