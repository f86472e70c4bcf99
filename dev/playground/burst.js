// The burst button: 40 tag pushes posted at once through POST /playground/burst, so a person
// sees each robot paced under its platform's limit and the backlog merged into digests.
import { $, element } from './dom.js';

function summarise(result) {
  if (result.error) return result.error;
  const statuses = Object.entries(result.statuses || {})
    .map(([status, count]) => `HTTP ${status} × ${count}`)
    .join('，');
  return `已发送 ${result.count} 个标签推送（${result.sample}）：${statuses}`;
}

export function setUpBurst() {
  const button = $('burst');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const box = $('burst-result');
    box.hidden = false;
    box.textContent = '发送中…';
    try {
      const response = await fetch('/playground/burst?count=40', { method: 'POST' });
      const result = await response.json();
      box.replaceChildren(element('span', '', summarise(result)));
      box.dataset.state = response.ok ? 'ok' : 'error';
    } catch (error) {
      box.textContent = String(error);
      box.dataset.state = 'error';
    } finally {
      button.disabled = false;
    }
  });
}
