import { plainExcerpt } from '../../lib/view/plain-excerpt';
import { format, textOf } from './message-parts';
import type { Payload } from './payloads/common';
import { loadFixture } from '../helpers/fixtures';

const excerpt = (markdown: string) => plainExcerpt(markdown, 200);

describe('plainExcerpt', () => {
  it.each([
    ['## 背景\n商户收不到通知', '背景 商户收不到通知'],
    ['**重要**：请先 __review__', '重要：请先 review'],
    ['修复 *竞态* 问题', '修复 竞态 问题'],
    ['- 新增回调\n- 重试三次\n1. 签名', '• 新增回调 • 重试三次 • 签名'],
    ['- [x] 单元测试\n- [ ] 压测', '• 单元测试 • 压测'],
    ['> 引用一段话\n> 第二行', '引用一段话 第二行'],
    [
      '见 [设计文档](https://gitee.com/acme/doc) 和 ![截图](https://x/y.png)',
      '见 设计文档 和 截图',
    ],
    ['运行 `npm test` 后<br>通过', '运行 npm test 后 通过'],
    ['```ts\nconst a = 1;\n```', 'const a = 1;'],
    ['上面\n\n---\n\n下面', '上面 下面'],
    ['~~旧方案~~ 新方案', '旧方案 新方案'],
  ])('turns %j into plain prose', (markdown, plain) => {
    expect(excerpt(markdown)).toBe(plain);
  });

  it.each([
    ['snake_case_name stays', 'snake_case_name stays'],
    ['2 * 3 * 4 = 24', '2 * 3 * 4 = 24'],
    ['a*b', 'a*b'],
    ['email a_b@c.com', 'email a_b@c.com'],
  ])('leaves text that only looks like syntax alone: %j', (text, plain) => {
    expect(excerpt(text)).toBe(plain);
  });

  it('cuts a long body to the excerpt length on a character boundary, ending in "…"', () => {
    expect(plainExcerpt('段落😀。'.repeat(10_000), 10)).toBe('段落😀。段落😀。段…');
    expect(plainExcerpt('word '.repeat(100_000), 12)).toBe('word word w…');
  });

  it('strips syntax that closes early in a long body', () => {
    expect(plainExcerpt(`**重要** ${'x '.repeat(5000)}`, 20)).toBe('重要 x x x x x x x x…');
    expect(plainExcerpt(`见 [文档](https://gitee.com/acme/doc) ${'说明'.repeat(5000)}`, 8)).toBe(
      '见 文档 说明…',
    );
  });

  it('shows the text of a link or image the cut runs through, never half its address', () => {
    const links = '见 [设计文档](https://gitee.com/acme/doc/' + 'a'.repeat(5000) + ')';
    expect(plainExcerpt(links, 100)).toBe('见 设计文档…');
    const images = '![截图](https://gitee.com/x.png) '.repeat(1000);
    const shown = plainExcerpt(images, 200);
    expect(shown).toMatch(/^(截图 )+截?图?…$/);
  });

  it('drops emphasis and code opened in what is read but closed beyond it', () => {
    const shown = plainExcerpt(`开头 **很长的强调 ${'内容 '.repeat(2000)}**`, 30);
    expect(shown.startsWith('开头 很长的强调 内容 内容')).toBe(true);
    expect(shown).not.toContain('*');
    expect(plainExcerpt(`运行 \`${'npm '.repeat(2000)}\``, 11)).toBe('运行 npm npm…');
  });

  it('shows an opened issue body without markdown syntax or escapes in the message', () => {
    const body = loadFixture('issue-open');
    const issue = body.issue as Record<string, unknown>;
    body.issue = {
      ...issue,
      body: '## 复现步骤\n\n1. 打开 **设置**\n2. 点击 [保存](https://gitee.com/x)',
    };
    const message = format(body as Payload, { keywords: [] });
    expect(textOf(message)).toContain('> 复现步骤 • 打开 设置 • 点击 保存');
  });
});
