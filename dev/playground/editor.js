// The template editor pane: pick a robot and an event, edit its Liquid template, and see it
// rendered against every sample it applies to as you type, with mistakes at their line and
// column. "Save" writes it into the settings file (GET/POST /playground/editor…).
import { $, element } from './dom.js';
import { renderPreviewItem } from './editor-preview.js';

const PART_NAMES = { title: '标题', text: '正文' };
const SOURCES = {
  own: '这个机器人自己的模板',
  defaults: '来自 defaults.templates（保存后成为它自己的一套，其余事件照旧）',
  none: '还没有模板：其余事件发送内置消息',
};
/** Typing pauses this long before the server renders the samples again. */
const PAUSE_MS = 150;

let state = null;
let timer = null;
let asked = 0;

export function setUpEditor() {
  $('editor-toggle').addEventListener('click', () => toggle());
  $('editor-robot').addEventListener('change', () => selectRobot());
  $('editor-key').addEventListener('change', () => fillFields());
  for (const id of ['editor-title', 'editor-text']) {
    $(id).addEventListener('input', () => schedulePreview());
  }
  const text = $('editor-text');
  text.addEventListener('scroll', () => ($('editor-gutter').scrollTop = text.scrollTop));
  $('editor-save').addEventListener('click', () => save());
}

async function toggle() {
  const chat = document.querySelector('.chat');
  const open = !chat.classList.contains('editing');
  chat.classList.toggle('editing', open);
  $('editor').hidden = !open;
  $('editor-toggle').setAttribute('aria-expanded', String(open));
  $('editor-toggle').textContent = open ? '返回消息' : '模板编辑器';
  if (open) await loadState();
}

async function loadState(keep) {
  const answer = await (await fetch('/playground/editor')).json();
  if (answer.error) {
    setStatus(answer.error, 'bad');
    return;
  }
  state = answer;
  const robots = $('editor-robot');
  robots.replaceChildren(
    ...state.robots.map((robot) => {
      const option = element('option', '', `${robot.name} · ${robot.platform} ${robot.msgtype}`);
      option.value = robot.name;
      return option;
    }),
  );
  const first =
    state.robots.find((robot) => robot.source === 'own') ||
    state.robots.find((robot) => robot.refusal === null) ||
    state.robots[0];
  robots.value = keep?.robot ?? first?.name ?? '';
  selectRobot(keep?.key);
}

function currentRobot() {
  return state?.robots.find((robot) => robot.name === $('editor-robot').value);
}

function selectRobot(key) {
  const robot = currentRobot();
  if (!robot) return;
  const keys = $('editor-key');
  keys.replaceChildren(
    ...state.keys.map(({ event, keys: names }) => {
      const group = element('optgroup');
      group.label = event;
      for (const name of names) {
        const mark = robot.templates[name] ? ' ●' : '';
        const option = element('option', '', `${name}${mark}`);
        option.value = name;
        group.append(option);
      }
      return group;
    }),
  );
  keys.value = key ?? Object.keys(robot.templates)[0] ?? 'push';
  $('editor-source').textContent = SOURCES[robot.source];
  $('editor-refusal').hidden = robot.refusal === null;
  $('editor-refusal').textContent = robot.refusal ? `不能使用模板：${robot.refusal}` : '';
  fillFields();
}

function fillFields() {
  const robot = currentRobot();
  const key = $('editor-key').value;
  const template = robot.templates[key] ?? state.examples[key] ?? { text: '' };
  $('editor-title').value = (template.title ?? '').replace(/\n+$/, '');
  $('editor-text').value = template.text;
  setStatus(robot.templates[key] ? '' : '尚未保存：这是示例或空白模板', '');
  schedulePreview(0);
}

function schedulePreview(delay = PAUSE_MS) {
  updateGutter([]);
  clearTimeout(timer);
  timer = setTimeout(() => preview(), delay);
}

function edit() {
  const title = $('editor-title').value;
  return {
    robot: $('editor-robot').value,
    key: $('editor-key').value,
    ...(title === '' ? {} : { title }),
    text: $('editor-text').value,
  };
}

async function preview() {
  const number = ++asked;
  const response = await fetch('/playground/editor/preview', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(edit()),
  });
  const answer = await response.json();
  if (number !== asked) return; // a later keystroke's answer is on its way
  if (answer.error) {
    setStatus(answer.error, 'bad');
    return;
  }
  showProblems(answer.problems);
  const previews = $('editor-previews');
  previews.replaceChildren(...answer.previews.map(renderPreviewItem));
  $('editor-summary').textContent =
    answer.previews.length === 0
      ? '没有示例事件会用到这个模板。'
      : `${answer.previews.length} 个示例事件会用到这个模板：`;
  $('editor-save').disabled = answer.refusal !== null || answer.problems.length > 0;
}

function showProblems(problems) {
  const list = $('editor-problems');
  list.replaceChildren(
    ...problems.map((problem) => {
      const item = element('li', 'editor-problem');
      item.dataset.part = problem.part;
      item.dataset.line = String(problem.line);
      item.dataset.column = String(problem.column);
      const where = `${PART_NAMES[problem.part]} 第 ${problem.line} 行，第 ${problem.column} 列`;
      item.append(element('strong', '', where), element('span', '', `：${problem.message}`));
      if (problem.frame) item.append(element('pre', 'editor-frame', problem.frame));
      return item;
    }),
  );
  updateGutter(problems.filter((problem) => problem.part === 'text').map((p) => p.line));
}

function updateGutter(errorLines) {
  const count = $('editor-text').value.split('\n').length;
  const gutter = $('editor-gutter');
  const lines = [];
  for (let number = 1; number <= count; number += 1) {
    const line = element('span', errorLines.includes(number) ? 'error' : '', String(number));
    line.dataset.line = String(number);
    lines.push(line, document.createTextNode('\n'));
  }
  gutter.replaceChildren(...lines);
  gutter.scrollTop = $('editor-text').scrollTop;
}

async function save() {
  const wanted = edit();
  $('editor-save').disabled = true;
  const response = await fetch('/playground/editor/save', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(wanted),
  });
  const answer = await response.json();
  if (!answer.saved) {
    setStatus(answer.error, 'bad');
    if (answer.problems) showProblems(answer.problems);
    $('editor-save').disabled = false;
    return;
  }
  const copied =
    answer.copied.length > 0 ? `，并复制了 defaults 的 ${answer.copied.join('、')}` : '';
  await loadState({ robot: wanted.robot, key: wanted.key });
  setStatus(`已保存到 ${answer.file}${copied}：2 秒内生效`, 'ok');
}

function setStatus(text, kind) {
  const status = $('editor-status');
  status.textContent = text;
  status.dataset.kind = kind;
}
