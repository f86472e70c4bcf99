// The template editor's right-hand side: each sample the template applies to, drawn as the
// robot's client draws a received message. The body HTML comes from the server's preview
// renderers (HTML input off, every text escaped); everything else goes in through textContent.
import { element } from './dom.js';
import { renderButtons, renderHeader } from './messages.js';

const CLIENT_NAMES = { dingtalk: '钉钉', feishu: '飞书', wecom: '企业微信' };
const KINDS = {
  templated: '模板',
  fallback: '回退到内置消息',
  'built-in': '内置消息',
};

export function renderPreviewItem(item) {
  const { preview } = item;
  const platform = CLIENT_NAMES[preview.platform] ? preview.platform : 'dingtalk';
  const li = element('li', `message ${platform} editor-preview`);
  li.dataset.sample = item.sample;
  li.dataset.kind = item.kind;
  li.append(renderCaption(item));
  if (preview.title !== null) {
    const notice = element('div', 'notice');
    notice.title = '通知栏与会话列表里显示的标题';
    notice.append(element('span', 'notice-app', CLIENT_NAMES[platform]));
    notice.append(element('span', 'notice-text', `${preview.robot}：${preview.title}`));
    li.append(notice);
  }
  const bubble = element('div', `bubble ${platform} ${preview.msgtype}`);
  if (preview.header !== null) bubble.append(renderHeader(preview.header));
  const body = element('div', 'body');
  body.innerHTML = preview.html; // server-rendered with HTML input disabled
  bubble.append(body);
  if (preview.buttons.length > 0) bubble.append(renderButtons(preview));
  li.append(bubble);
  if (preview.mentions.length > 0) {
    li.append(element('div', 'editor-mentions', `通知：${preview.mentions.join(' ')}`));
  }
  return li;
}

function renderCaption(item) {
  const caption = element('div', 'editor-caption');
  caption.append(element('span', 'editor-sample', item.sample));
  caption.append(element('span', 'msgtype', item.event));
  const kind = element('span', `editor-kind ${item.kind}`, KINDS[item.kind] || item.kind);
  if (item.reason) kind.title = item.reason;
  caption.append(kind);
  if (item.reason) caption.append(element('span', 'editor-reason', item.reason));
  if (!item.routed)
    caption.append(element('span', 'editor-unrouted', '路由不会把它发给这个机器人'));
  return caption;
}
