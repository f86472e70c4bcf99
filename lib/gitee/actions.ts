import type { EventKind } from './event';

/**
 * The product's event and action names, as used in `routes[].events` ("pull_request.merge").
 * Issue `state_change` is refined from the new state into close / reopen / reject, and stays
 * `state_change` for other states (progressing). See gitee-webhook-protocol.md §3.4–3.6.
 */
export const EVENT_ACTIONS: Readonly<Record<EventKind, readonly string[]>> = {
  push: ['push', 'create', 'delete'],
  tag_push: ['create', 'delete'],
  issue: [
    'open',
    'close',
    'reopen',
    'reject',
    'state_change',
    'assign',
    'unassign',
    'update',
    'delete',
  ],
  pull_request: [
    'open',
    'update',
    'merge',
    'close',
    'reopen',
    'approved',
    'tested',
    'test',
    'untest',
    'assign',
    'unassign',
  ],
  comment: ['comment', 'edited', 'deleted'],
};

export const EVENT_KINDS = Object.keys(EVENT_ACTIONS) as EventKind[];

export function isEventKind(name: string): name is EventKind {
  return Object.hasOwn(EVENT_ACTIONS, name);
}
