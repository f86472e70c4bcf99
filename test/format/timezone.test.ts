import { formatTime } from '../../lib/view/format-time';
import { format, textOf } from './message-parts';
import { sha } from './payloads/common';
import { commit, pushPayload } from './payloads/push';

const created = pushPayload({
  before: '0'.repeat(40),
  commits: null,
  created: true,
  headCommit: commit({ timestamp: '2021-10-08T17:37:47+08:00', id: sha(6) }),
});

describe('times', () => {
  it('shows the same instant in the configured timezone, not the machine one', () => {
    expect(textOf(format(created, { timezone: 'Asia/Shanghai' }))).toContain('· 2021-10-08 17:37');
    expect(textOf(format(created, { timezone: 'UTC' }))).toContain('· 2021-10-08 09:37');
    expect(textOf(format(created, { timezone: 'America/New_York', locale: 'en' }))).toContain(
      '· 2021-10-08 05:37',
    );
  });

  it('falls back to Asia/Shanghai for a timezone it does not know, rather than failing', () => {
    expect(textOf(format(created, { timezone: 'Mars/Olympus' }))).toContain('· 2021-10-08 17:37');
  });

  it('reads ISO times with offsets and epoch milliseconds, and skips what is not a time', () => {
    expect(formatTime('2021-10-08T09:37:47Z', 'Asia/Shanghai')).toBe('2021-10-08 17:37');
    expect(formatTime('1633685867000', 'UTC')).toBe('2021-10-08 09:37');
    expect(formatTime('not a time', 'UTC')).toBeNull();
    expect(formatTime(null, 'UTC')).toBeNull();
  });
});
