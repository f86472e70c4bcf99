import type { PlatformName } from '../lib/platforms/infer-platform';
import { configuredMsgtype } from './configured-msgtype';
import type { PlaygroundEmulators, PlaygroundMessage } from './playground-emulators';
import { renderPreview, type MessagePreview } from './render-preview';

/** GET /playground/messages (contract): exactly these fields, newest first. */
export interface ContractMessage {
  platform: PlatformName;
  robot: string;
  /** As settings name it: Feishu's Card JSON 2.0 is `interactive2`, not the wire's `interactive`. */
  msgtype: string;
  message: unknown;
  /** The emulator's numeric code, whatever the wire calls it (Feishu: `code`); null: no answer. */
  errcode: number | null;
  errmsg: string;
  receivedAt: string;
}

export type FeedEvent = { kind: 'message'; preview: MessagePreview } | { kind: 'cleared' };

export interface PlaygroundFeed {
  messages(): ContractMessage[];
  previews(): MessagePreview[];
  subscribe(listener: (event: FeedEvent) => void): () => void;
  /** Forgets every message (and the emulator's rate counts). */
  clear(): void;
  close(): void;
}

/**
 * What the emulated robots received, kept with its preview rendered once on arrival, for the
 * JSON endpoints and the page's live stream.
 */
export function createPlaygroundFeed(emulator: PlaygroundEmulators): PlaygroundFeed {
  const entries: { received: PlaygroundMessage; preview: MessagePreview }[] = [];
  const listeners = new Set<(event: FeedEvent) => void>();
  let nextId = 1;
  const notify = (event: FeedEvent) => {
    for (const listener of listeners) listener(event);
  };
  const unsubscribe = emulator.onMessage((received) => {
    const preview = renderPreview(nextId++, received);
    entries.push({ received, preview });
    notify({ kind: 'message', preview });
  });
  return {
    messages: () =>
      entries
        .map(({ received: r }) => ({
          platform: r.platform,
          robot: r.robot,
          msgtype: configuredMsgtype(r),
          message: r.message,
          errcode: r.errcode,
          errmsg: r.errmsg,
          receivedAt: r.receivedAt,
        }))
        .reverse(),
    previews: () => entries.map((entry) => entry.preview).reverse(),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    clear() {
      emulator.reset();
      entries.length = 0;
      notify({ kind: 'cleared' });
    },
    close() {
      unsubscribe();
      listeners.clear();
    },
  };
}
