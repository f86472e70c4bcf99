import { plainExcerpt } from '../../lib/format/plain-excerpt';
import { oneLine } from '../../lib/format/cut-text';
import { format, textOf } from './message-parts';
import type { Payload } from './payloads/common';
import { loadFixture } from '../helpers/fixtures';

const excerpt = (markdown: string) => oneLine(plainExcerpt(markdown));

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
