// The left panel: the real Gitee sample payloads, each sent with one click through
// POST /playground/send/<name>, and the relay's answer as Gitee's delivery log would show it;
// in queue mode, then each queued event's fate as it happens.
import { $, element } from './dom.js';
import { fateLine, fateOf, watchFates } from './fates.js';

let stopWatching = () => {};

/** Sample names → sections, by the event their file name starts with. */
const GROUPS = [
  ['push-', '推送 Push'],
  ['tag_push-', '标签 Tag'],
  ['issue-', '任务 Issue'],
  ['merge_request-', 'Pull Request'],
  ['note-', '评论 Comment'],
  ['ping-', '测试 Ping'],
  ['', '其他 Other'],
];

export async function loadFixtures() {
  const box = $('fixtures');
  try {
    const response = await fetch('/playground/fixtures');
    const names = await response.json();
    box.replaceChildren(...groupFixtures(names));
  } catch {
    box.textContent = '无法读取示例列表。';
  }
}

function groupFixtures(names) {
  const sections = new Map(GROUPS.map(([prefix, label]) => [prefix, { label, names: [] }]));
  for (const name of names) {
    const [prefix] = GROUPS.find(([p]) => name.startsWith(p));
    sections.get(prefix).names.push(name);
  }
  return [...sections.entries()]
    .filter(([, section]) => section.names.length > 0)
    .map(([prefix, section]) => {
      const group = element('div', 'fixture-group');
      group.append(element('h3', '', section.label));
      const list = element('div', 'fixture-list');
      for (const name of section.names) {
        const button = element('button', 'fixture', name.slice(prefix.length) || name);
        button.type = 'button';
        button.title = `发送 ${name}.json`;
        button.dataset.fixture = name;
        button.addEventListener('click', () => sendSample(name, button));
        list.append(button);
      }
      group.append(list);
      return group;
    });
}

async function sendSample(name, button) {
  button.disabled = true;
  button.classList.add('sending');
  try {
    const response = await fetch(`/playground/send/${encodeURIComponent(name)}`, {
      method: 'POST',
    });
    showSendResult(name, await response.json());
  } catch (error) {
    showSendResult(name, { error: String(error) });
  } finally {
    button.disabled = false;
    button.classList.remove('sending');
  }
}

/** One robot's line of the answer: sent (direct), queued, or not. */
function deliveryLine(delivery) {
  if (delivery.queued === true)
    return element('div', 'delivery queued', `→ ${delivery.robot} 已入队`);
  if (delivery.queued === false) {
    return element('div', 'delivery bad', `✗ ${delivery.robot} 未能入队`);
  }
  const line = delivery.ok
    ? `✓ ${delivery.robot}`
    : `✗ ${delivery.robot}: ${delivery.errcode ?? ''} ${delivery.error || ''}`;
  return element('div', delivery.ok ? 'delivery ok' : 'delivery bad', line);
}

/** The queued events' fates, redrawn as they change (the last send only). */
function followFates(box, keys) {
  stopWatching();
  if (keys.length === 0) return;
  const list = element('ul', 'send-fates');
  box.append(element('div', 'send-fates-title', '投递状态：'), list);
  const draw = () => {
    const known = keys.map(fateOf).filter(Boolean);
    list.replaceChildren(...known.map(fateLine));
  };
  draw();
  stopWatching = watchFates(draw);
}

/** The handler's answer, as Gitee's delivery log would show it. */
function showSendResult(name, result) {
  const box = $('last-send');
  box.hidden = false;
  const ok = result.status >= 200 && result.status < 300;
  box.dataset.state = result.error ? 'error' : ok ? 'ok' : 'failed';
  const title = element('div', 'last-send-title');
  title.append(element('strong', '', name));
  const answer = result.answer || {};
  const summary = result.error
    ? result.error
    : `HTTP ${result.status} · ${answer.status || answer.error || ''}`;
  title.append(element('span', '', summary));
  const lines = [title];
  if (answer.reason) lines.push(element('div', 'reason', answer.reason));
  for (const delivery of answer.deliveries || []) lines.push(deliveryLine(delivery));
  box.replaceChildren(...lines);
  followFates(box, result.eventKeys || []);
}
