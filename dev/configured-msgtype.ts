import type { PlaygroundMessage } from './playground-emulators';

function schemaOf(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return undefined;
  const card = (message as { card?: unknown }).card;
  return typeof card === 'object' && card !== null
    ? (card as { schema?: unknown }).schema
    : undefined;
}

/**
 * The msgtype a received message has in settings' words (GET /playground/messages, contract).
 * Settings tell Feishu's two card formats apart and the wire does not: both are `interactive`,
 * and a Card JSON 2.0 says `schema: "2.0"`, which settings call `interactive2`. Every other
 * msgtype of settings is its wire name. It is read from the message rather than looked up in
 * settings, so a body posted by hand, or one sent before an edit of the file, is named for
 * what it is.
 */
export function configuredMsgtype(received: PlaygroundMessage): string {
  const { platform, msgtype, message } = received;
  if (platform === 'feishu' && msgtype === 'interactive' && schemaOf(message) === '2.0') {
    return 'interactive2';
  }
  return msgtype;
}
