import { describeFate } from '../../dev/send-fate';
import type { ContractDelivery } from '../../dev/playground-fates';

const base: ContractDelivery = {
  event: 'ab'.repeat(32),
  robot: 'team',
  platform: 'dingtalk',
  fate: 'queued',
};
const NOW = Date.UTC(2025, 0, 6, 9, 0, 0);

describe('the fate npm run send prints', () => {
  it('says an event went out alone, or in a digest of how many events', () => {
    expect(describeFate({ ...base, fate: 'sent' })).toBe('team (dingtalk): sent alone');
    expect(describeFate({ ...base, fate: 'merged', digestOf: ['a', 'b', 'c'] })).toBe(
      'team (dingtalk): merged into a digest of 3 events',
    );
  });

  it('says until when and why an event waits', () => {
    const until = NOW + 41_500;
    const line = describeFate({ ...base, fate: 'deferred', until, reason: 'rate limit' }, NOW);

    expect(line).toBe(
      `team (dingtalk): deferred until ${new Date(until).toLocaleTimeString('en-GB', { hour12: false })} (in 42 s) (rate limit)`,
    );
  });

  it('says why an event was dead-lettered, and that a queued one is not sent yet', () => {
    expect(describeFate({ ...base, fate: 'dead-lettered', reason: 'keyword' })).toBe(
      'team (dingtalk): dead-lettered (keyword)',
    );
    expect(describeFate({ ...base, platform: 'feishu' })).toBe(
      'team (feishu): queued, not sent yet',
    );
  });
});
