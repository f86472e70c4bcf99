import { createFeishuBot, startFeishuBot } from '../../dev/fakes/feishu-bot';
import { createWecomRobot, startWecomRobot } from '../../dev/fakes/wecom-robot';
import { createFaultTable, createMessageFeed } from '../../dev/fakes/loopback-fake';

describe('the Feishu and WeCom emulators', () => {
  it('refuse two bots with one token, or two robots with one key', () => {
    const bots = [
      { name: 'a', token: 'tokentest-same' },
      { name: 'b', token: 'tokentest-same' },
    ];
    expect(() => createFeishuBot({ bots })).toThrow('two emulated bots share a token');
    const robots = [
      { name: 'a', key: 'keytest-1' },
      { name: 'a', key: 'keytest-2' },
    ];
    expect(() => createWecomRobot({ robots })).toThrow('two emulated robots share a name');
  });

  it('refuse a fault for a name they do not serve', () => {
    const feishu = createFeishuBot({ bots: [{ name: 'a', token: 'tokentest-a' }] });
    expect(() => feishu.setFault('b', { kind: 'http', status: 502, times: 1 })).toThrow(
      'no emulated bot "b"',
    );
    const wecom = createWecomRobot({ robots: [{ name: 'a', key: 'keytest-a' }] });
    expect(() => wecom.setFault('b', null)).toThrow('no emulated robot "b"');
  });
});

describe('createFaultTable', () => {
  it('answers a fault its given number of times, from a copy of it', () => {
    const faults = createFaultTable<{ code: number; times: number }>(() => true, 'robot');
    const fault = { code: 9499, times: 2 };
    faults.set('a', fault);
    expect([faults.take('a')?.code, faults.take('a')?.code, faults.take('a')]).toEqual([
      9499,
      9499,
      undefined,
    ]);
    expect(fault.times).toBe(2);
  });
});

describe('createMessageFeed', () => {
  it('keeps every message and stops telling a listener once it unsubscribes', () => {
    const feed = createMessageFeed<string>('test robot');
    const heard: string[] = [];
    const unsubscribe = feed.onMessage((message) => heard.push(message));
    feed.add('first');
    unsubscribe();
    feed.add('second');
    expect(feed.messages).toEqual(['first', 'second']);
    expect(heard).toEqual(['first']);
  });
});

describe('startFeishuBot and startWecomRobot', () => {
  it('give no webhook for a name they do not serve', async () => {
    const feishu = await startFeishuBot({ bots: [{ name: 'a', token: 'tokentest-a' }] });
    const wecom = await startWecomRobot({ robots: [{ name: 'a', key: 'keytest-a' }] });
    try {
      expect(feishu.url('a')).toBe(
        `${new URL(feishu.url('a')).origin}/open-apis/bot/v2/hook/tokentest-a`,
      );
      expect(() => feishu.url('b')).toThrow('no emulated bot "b"');
      expect(() => wecom.url('b')).toThrow('no emulated robot "b"');
    } finally {
      await Promise.all([feishu.close(), wecom.close()]);
    }
  });
});
