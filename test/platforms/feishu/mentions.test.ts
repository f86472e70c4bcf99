import type { Person } from '../../../lib/view/event-view';
import {
  cardMentionTokens,
  postMentionNodes,
  resolveFeishuMentions,
  textMentionTokens,
} from '../../../lib/platforms/feishu/mentions';

const OU_BOB = 'ou_0123456789abcdef0123456789abcdef';
const people = (...logins: string[]): Person[] => logins.map((login) => ({ login, name: login }));

describe('resolveFeishuMentions', () => {
  it('uses only the feishu key of a login: a DingTalk mobile or a WeCom userid pings no one', () => {
    const resolved = resolveFeishuMentions(
      { mentions: people('bob', 'carol', 'dave'), textMentions: [] },
      {
        bob: { feishu: OU_BOB, mobile: '13800000000' },
        carol: { mobile: '13900000000' },
        dave: { wecom: 'dave' },
      },
      false,
    );
    expect(resolved.ids).toEqual([OU_BOB]);
    expect(resolved.unmapped.map((one) => one.login)).toEqual(['carol', 'dave']);
  });

  it('finds a login whatever its case, and never an inherited key', () => {
    const resolved = resolveFeishuMentions(
      { mentions: people('Bob', 'constructor'), textMentions: [] },
      { bob: { feishu: 'u_bob' } },
      false,
    );
    expect(resolved.ids).toEqual(['u_bob']);
    expect(resolved.unmapped.map((one) => one.login)).toEqual(['constructor']);
  });

  it('refuses an id that could break out of <at …> or mean everyone, and names the person instead', () => {
    const resolved = resolveFeishuMentions(
      { mentions: people('a', 'b', 'c', 'd'), textMentions: [] },
      {
        a: { feishu: 'all' },
        b: { feishu: 'ou_1"></at><at id=all>' },
        c: { feishu: 'ou 2' },
        d: { feishu: '' },
      },
      false,
    );
    expect(resolved.ids).toEqual([]);
    expect(resolved.unmapped).toHaveLength(4);
  });

  it('pings a mapped @login from the comment text, and leaves an unmapped one as text', () => {
    const resolved = resolveFeishuMentions(
      { mentions: [], textMentions: ['bob', 'nobody'] },
      { bob: { feishu: OU_BOB } },
      false,
    );
    expect(resolved).toEqual({ ids: [OU_BOB], atAll: false, unmapped: [] });
  });

  it('pings each person once and at most twenty', () => {
    const logins = Array.from({ length: 30 }, (_, index) => `user${index}`);
    const directory = Object.fromEntries(logins.map((login) => [login, { feishu: `ou_${login}` }]));
    const resolved = resolveFeishuMentions(
      { mentions: people(...logins, 'user0'), textMentions: logins },
      directory,
      false,
    );
    expect(resolved.ids).toHaveLength(20);
    expect(new Set(resolved.ids).size).toBe(20);
  });
});

describe('Feishu mention syntax', () => {
  const mentions = { ids: [OU_BOB], atAll: true, unmapped: [] };

  it('writes <at id=…></at> in cards, everyone as <at id=all></at>', () => {
    expect(cardMentionTokens(mentions)).toEqual(['<at id=all></at>', `<at id=${OU_BOB}></at>`]);
  });

  it('writes <at user_id="…"></at> in text', () => {
    expect(textMentionTokens(mentions)).toEqual([
      '<at user_id="all"></at>',
      `<at user_id="${OU_BOB}"></at>`,
    ]);
  });

  it('writes at nodes in a post', () => {
    expect(postMentionNodes(mentions)).toEqual([
      { tag: 'at', user_id: 'all' },
      { tag: 'at', user_id: OU_BOB },
    ]);
  });
});
