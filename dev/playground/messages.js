// One message card as the DingTalk client shows it. The body HTML is rendered by the server
// (markdown-it, DingTalk's subset, HTML input off); everything else is built with textContent,
// so no payload text is ever parsed as HTML here.
import { $, element } from './dom.js';

function timeOf(iso) {
  const date = new Date(iso);
  return date.toLocaleTimeString('zh-CN', { hour12: false });
}

function renderMessage(preview) {
  const item = element('li', 'message');
  item.dataset.id = String(preview.id);
  item.dataset.robot = preview.robot;
  if (preview.title !== null) {
    const notice = element('div', 'notice');
    notice.title = '通知栏与会话列表里显示的标题（消息正文里不显示）';
    notice.append(element('span', 'notice-app', '钉钉'));
    notice.append(element('span', 'notice-text', `${preview.robot}：${preview.title}`));
    item.append(notice);
  }
  const row = element('div', 'row');
  const avatar = element('div', 'avatar');
  avatar.setAttribute('aria-hidden', 'true');
  row.append(avatar, renderColumn(preview));
  item.append(row);
  return item;
}

function renderColumn(preview) {
  const column = element('div', 'column');
  const meta = element('div', 'meta');
  meta.append(element('span', 'robot', preview.robot));
  meta.append(element('span', 'badge', '机器人'));
  meta.append(element('span', 'msgtype', preview.msgtype || '(无 msgtype)'));
  meta.append(element('time', 'time', timeOf(preview.receivedAt)));
  const bubble = element('div', `bubble ${preview.msgtype}`);
  const body = element('div', 'body');
  body.innerHTML = preview.html; // server-rendered with HTML input disabled
  bubble.append(body);
  if (preview.buttons.length > 0) bubble.append(renderButtons(preview));
  column.append(meta, bubble, renderVerdict(preview), renderJson(preview));
  return column;
}

function renderButtons(preview) {
  const box = element('div', preview.buttonsInRow ? 'buttons in-row' : 'buttons');
  for (const button of preview.buttons) {
    const link = element('a', 'card-button', button.title);
    link.href = button.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    box.append(link);
  }
  return box;
}

function renderVerdict(preview) {
  const verdict = element('div', preview.accepted ? 'verdict ok' : 'verdict bad');
  if (preview.accepted) {
    verdict.textContent = '✓ 机器人已接收 · errcode 0';
  } else {
    const code = preview.errcode === null ? '无应答' : `errcode ${preview.errcode}`;
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

export function showMessages(previews) {
  $('messages').replaceChildren(...previews.map(renderMessage));
  $('empty').hidden = previews.length > 0;
}

export function addMessage(preview) {
  const item = renderMessage(preview);
  item.classList.add('new');
  $('messages').prepend(item);
  $('empty').hidden = true;
}
