// One message as its chat client shows it, in that client's column. The body HTML is rendered
// by the server (markdown-it per client dialect, HTML input off, every text escaped);
// everything else is built with textContent, so no payload text is ever parsed as HTML here.
import { $, element } from './dom.js';

const PLATFORMS = ['dingtalk', 'feishu', 'wecom'];
const CLIENT_NAMES = { dingtalk: '钉钉', feishu: '飞书', wecom: '企业微信' };
// Feishu answers `code`; the others call the same number `errcode`.
const CODE_NAMES = { dingtalk: 'errcode', feishu: 'code', wecom: 'errcode' };

const platformOf = (preview) =>
  PLATFORMS.includes(preview.platform) ? preview.platform : 'dingtalk';

function timeOf(iso) {
  const date = new Date(iso);
  return date.toLocaleTimeString('zh-CN', { hour12: false });
}

function renderMessage(preview) {
  const platform = platformOf(preview);
  const item = element('li', `message ${platform}`);
  item.dataset.id = String(preview.id);
  item.dataset.robot = preview.robot;
  item.dataset.platform = platform;
  if (preview.title !== null) {
    const notice = element('div', 'notice');
    notice.title = '通知栏与会话列表里显示的标题（消息正文里不显示）';
    notice.append(element('span', 'notice-app', CLIENT_NAMES[platform]));
    notice.append(element('span', 'notice-text', `${preview.robot}：${preview.title}`));
    item.append(notice);
  }
  const row = element('div', 'row');
  const avatar = element('div', 'avatar');
  avatar.setAttribute('aria-hidden', 'true');
  row.append(avatar, renderColumn(preview, platform));
  item.append(row);
  return item;
}

function renderColumn(preview, platform) {
  const column = element('div', 'column');
  const meta = element('div', 'meta');
  meta.append(element('span', 'robot', preview.robot));
  meta.append(element('span', 'badge', '机器人'));
  meta.append(element('span', 'msgtype', preview.msgtype || '(无 msgtype)'));
  meta.append(element('time', 'time', timeOf(preview.receivedAt)));
  const bubble = element('div', `bubble ${platform} ${preview.msgtype}`);
  if (preview.header !== null) bubble.append(renderHeader(preview.header));
  const body = element('div', 'body');
  body.innerHTML = preview.html; // server-rendered with HTML input disabled
  bubble.append(body);
  if (preview.buttons.length > 0) bubble.append(renderButtons(preview));
  column.append(meta, bubble, renderVerdict(preview, platform), renderJson(preview));
  return column;
}

// The server sends one of Feishu's named templates; the stylesheet has a colour for each.
export function renderHeader(header) {
  const box = element('div', `card-header template-${header.template}`);
  box.append(element('span', 'card-title', header.title));
  return box;
}

export function renderButtons(preview) {
  const box = element('div', preview.buttonsInRow ? 'buttons in-row' : 'buttons');
  for (const button of preview.buttons) {
    const link = element('a', 'card-button', button.title);
    if (/^https?:\/\//i.test(button.url)) link.href = button.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    box.append(link);
  }
  return box;
}

function renderVerdict(preview, platform) {
  const verdict = element('div', preview.accepted ? 'verdict ok' : 'verdict bad');
  const codeName = CODE_NAMES[platform];
  if (preview.accepted) {
    verdict.textContent = `✓ 机器人已接收 · ${codeName} 0`;
  } else {
    const code = preview.errcode === null ? '无应答' : `${codeName} ${preview.errcode}`;
    verdict.append(element('strong', '', `✗ 机器人拒收 · ${code}`));
    verdict.append(element('span', 'errmsg', preview.errmsg));
  }
  if (preview.mentions.length > 0) {
    verdict.append(element('span', 'notified', `通知：${preview.mentions.join(' ')}`));
  }
  return verdict;
}

function renderJson(preview) {
  const details = element('details', 'json');
  details.append(element('summary', '', '查看 JSON'));
  details.append(element('pre', '', JSON.stringify(preview.message, null, 2)));
  return details;
}

function showColumn(platform) {
  document.querySelector(`.client[data-platform="${platform}"]`).hidden = false;
}

export function showMessages(previews) {
  for (const platform of PLATFORMS) {
    const own = previews.filter((preview) => platformOf(preview) === platform);
    $(`messages-${platform}`).replaceChildren(...own.map(renderMessage));
    document.querySelector(`.client[data-platform="${platform}"]`).hidden = own.length === 0;
  }
  $('empty').hidden = previews.length > 0;
}

export function addMessage(preview) {
  const platform = platformOf(preview);
  const item = renderMessage(preview);
  item.classList.add('new');
  $(`messages-${platform}`).prepend(item);
  showColumn(platform);
  $('empty').hidden = true;
}
