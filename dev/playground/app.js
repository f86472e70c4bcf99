// The preview page: samples and fates on the left, what the emulated robots received on the
// right, updated live from the server-sent events of /playground/events.
import { setUpBurst } from './burst.js';
import { $ } from './dom.js';
import { setUpEditor } from './editor.js';
import { showFates, updateFate } from './fates.js';
import { addMessage, showMessages } from './messages.js';
import { loadFixtures } from './samples.js';

const MODES = {
  queue:
    '队列模式：事件先进入队列，每个机器人按平台限额发送（钉钉每分钟 18 条），积压的事件合并成一条摘要。',
  direct:
    '直接模式：每个事件在 Gitee 等待时直接发送，不经队列（npm start 不带 --direct 即队列模式）。',
};

async function showMode() {
  try {
    const health = await (await fetch('/health')).json();
    $('mode').textContent = MODES[health.deliveryMode] || '';
  } catch {
    // The mode line is a hint; the fates list works without it.
  }
}

function connect() {
  const live = $('live');
  const events = new EventSource('/playground/events');
  events.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = '实时';
  });
  events.addEventListener('error', () => {
    live.dataset.state = 'offline';
    live.textContent = '重新连接中…';
  });
  events.addEventListener('snapshot', (event) => showMessages(JSON.parse(event.data)));
  events.addEventListener('message', (event) => addMessage(JSON.parse(event.data)));
  events.addEventListener('fates', (event) => showFates(JSON.parse(event.data)));
  events.addEventListener('fate', (event) => updateFate(JSON.parse(event.data)));
}

$('clear').addEventListener('click', () => fetch('/playground/clear', { method: 'POST' }));
loadFixtures();
setUpBurst();
setUpEditor();
showMode();
connect();
