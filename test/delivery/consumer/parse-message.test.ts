import {
  formatFlushToken,
  parseFlushToken,
  parseQueueMessage,
} from '../../../lib/delivery/parse-message';
import { emptyView, word } from '../../../lib/view/event-view';

const view = {
  ...emptyView([word('kit101 pushed tag v1.4.0')], {
    subject: { event: 'tag_push', action: 'tag_push.create' },
    home: { label: 'o/r', url: 'https://gitee.com/kit101/demo' },
  }),
};
const v1 = {
  v: 1,
  robot: 'team',
  key: 'ab'.repeat(32),
  receivedAt: 1_700_000_000_000,
  event: { kind: 'tag_push', action: 'create', repository: 'kit101/demo' },
  view,
};

describe('parseQueueMessage: the body versions the consumer reads', () => {
  it('reads version 1 as written, atAll kept only when true', () => {
    expect(parseQueueMessage(JSON.stringify({ ...v1, atAll: true }))).toEqual({
      ok: true,
      version: 1,
      body: { ...v1, atAll: true },
    });
    const plain = parseQueueMessage(JSON.stringify({ ...v1, atAll: false }));
    expect(plain.ok && 'atAll' in plain.body).toBe(false);
  });

  it('reads version 0 (no event), taking kind and action from the view, the repo from its home', () => {
    const rest: Partial<typeof v1> = { ...v1 };
    delete rest.event;
    expect(parseQueueMessage(JSON.stringify({ ...rest, v: 0 }))).toEqual({
      ok: true,
      version: 0,
      body: {
        ...rest,
        v: 1,
        event: { kind: 'tag_push', action: 'tag_push.create', repository: 'kit101/demo' },
      },
    });
  });

  it.each([
    ['a later version', { ...v1, v: 2 }],
    ['no version', { ...v1, v: undefined }],
    ['no robot', { ...v1, robot: '' }],
    ['a view without its arrays', { ...v1, view: { subject: view.subject } }],
    ['an event that is not one', { ...v1, event: 'push' }],
  ])('refuses %s', (_name, body) => {
    expect(parseQueueMessage(JSON.stringify(body)).ok).toBe(false);
  });

  it('refuses text that is not a JSON object', () => {
    expect(parseQueueMessage('[1]').ok).toBe(false);
    expect(parseQueueMessage('{').ok).toBe(false);
  });
});

describe('flush tokens', () => {
  it('round-trips, and refuses anything but a robot group id', () => {
    const token = { group: 'r-0123456789abcdef', robot: 'team' };
    expect(formatFlushToken(token)).toBe('{"flush":1,"group":"r-0123456789abcdef","robot":"team"}');
    expect(parseFlushToken(formatFlushToken(token))).toEqual({ flush: 1, ...token });
    expect(parseFlushToken('{"flush":1,"group":"f-0123456789abcdef","robot":"team"}')).toBeNull();
    expect(parseFlushToken('{"flush":true,"group":"r-0123456789abcdef","robot":"t"}')).toBeNull();
  });
});
