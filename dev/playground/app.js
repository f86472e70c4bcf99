// The preview page: samples on the left, what the emulated robots received on the right,
// updated live from the server-sent events of /playground/events.
import { $ } from './dom.js';
import { addMessage, showMessages } from './messages.js';
import { loadFixtures } from './samples.js';

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
}

$('clear').addEventListener('click', () => fetch('/playground/clear', { method: 'POST' }));
loadFixtures();
connect();
