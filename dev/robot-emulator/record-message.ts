import type { EmulatorState } from './emulator-state';
import { asRecord } from '../fakes/loopback-fake';
import type { ReceivedMessage } from './types';

/** Keeps a request that named a known robot, with its outcome, and tells the listeners. */
export function recordMessage(
  state: EmulatorState,
  request: Omit<ReceivedMessage, 'msgtype' | 'receivedAt'> & { text: string },
): void {
  const { text, message, ...outcome } = request;
  const msgtype = asRecord(message)?.msgtype;
  const entry: ReceivedMessage = {
    ...outcome,
    msgtype: typeof msgtype === 'string' ? msgtype : '',
    message: message === undefined ? text : message,
    receivedAt: new Date(state.now()).toISOString(),
  };
  state.received.push(entry);
  for (const listener of state.listeners) {
    try {
      listener(entry);
    } catch (error) {
      // A broken listener (say, a closed playground stream) must not stop the emulator.
      console.error('robot emulator listener failed', error);
    }
  }
}
