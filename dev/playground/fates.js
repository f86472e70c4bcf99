// What became of each queued event, per robot: queued, deferred (until when, why), sent alone,
// merged into a digest (with which events) or dead-lettered (why). Fed by the `fates` and
// `fate` events of /playground/events; one row per webhook request, one line per robot.
import { $, element } from './dom.js';

/** Rows kept on the page; older ones leave the list (GET /playground/deliveries keeps all). */
const MAX_ROWS = 120;

const entries = new Map(); // event key → the server's FateEntry
const rows = new Map(); // request (or key) → { item, lines: Map<key, li> }
const watchers = new Set();

const LABELS = {
  queued: '排队中',
  deferred: '延后',
  sent: '已单独发送',
  merged: '已合并为摘要',
  'dead-lettered': '进入死信队列',
};

function clock(ms) {
  return new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });
}

/** The fate in words, e.g. "延后至 10:21:05 · rate limit" or "已合并为摘要 · 7 个事件". */
export function fateText(entry) {
  const parts = [LABELS[entry.fate] || entry.fate];
  if (entry.fate === 'deferred' && entry.until) parts[0] = `延后至 ${clock(entry.until)}`;
  if (entry.fate === 'merged' && entry.digestOf) parts.push(`${entry.digestOf.length} 个事件`);
  if (entry.reason) parts.push(entry.reason);
  return parts.join(' · ');
}

/** The other events of a digest, by their headline, for the line's tooltip. */
function digestTitle(entry) {
  if (!entry.digestOf) return '';
  const names = entry.digestOf.map((key) => entries.get(key)?.summary || key.slice(0, 12));
  return `这条摘要合并了：\n${names.join('\n')}`;
}

export function fateLine(entry) {
  const line = element('li', 'fate');
  line.dataset.fate = entry.fate;
  line.dataset.robot = entry.robot;
  line.dataset.event = entry.event;
  line.append(element('span', 'fate-robot', entry.robot));
  line.append(element('span', 'fate-text', fateText(entry)));
  const history = (entry.history || []).map((step) => `${clock(step.at)} ${fateText(step)}`);
  line.title = [digestTitle(entry), history.join('\n')].filter(Boolean).join('\n\n');
  return line;
}

function rowFor(entry) {
  const id = entry.request === null ? `key:${entry.event}` : `request:${entry.request}`;
  let row = rows.get(id);
  if (row) return row;
  const item = element('li', 'fate-event');
  const summary = entry.summary || `${entry.kind || '事件'} · ${entry.event.slice(0, 12)}`;
  item.append(element('div', 'fate-summary', summary));
  item.append(element('ul', 'fate-robots'));
  row = { item, lines: new Map() };
  rows.set(id, row);
  $('fates').prepend(item);
  if (rows.size > MAX_ROWS) {
    const [oldest] = rows.keys();
    rows.get(oldest).item.remove();
    rows.delete(oldest);
  }
  return row;
}

function place(entry) {
  entries.set(entry.event, entry);
  const row = rowFor(entry);
  const line = fateLine(entry);
  const held = row.lines.get(entry.event);
  if (held) held.replaceWith(line);
  else row.item.querySelector('.fate-robots').append(line);
  row.lines.set(entry.event, line);
  $('fates-empty').hidden = true;
}

/** The stream's `fates` event: every fate, newest first (an empty list after a clear). */
export function showFates(list) {
  entries.clear();
  rows.clear();
  $('fates').replaceChildren();
  for (const entry of [...list].reverse()) place(entry);
  $('fates-empty').hidden = list.length > 0;
  for (const watcher of watchers) watcher();
}

/** The stream's `fate` event: one event's fate changed. */
export function updateFate(entry) {
  place(entry);
  for (const watcher of watchers) watcher();
}

export function fateOf(key) {
  return entries.get(key);
}

/** Calls `onChange` whenever a fate changes, until the returned function is called. */
export function watchFates(onChange) {
  watchers.add(onChange);
  return () => watchers.delete(onChange);
}
