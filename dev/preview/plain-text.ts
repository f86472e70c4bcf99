import MarkdownIt from 'markdown-it';
import { escapeHtml, linkHtml } from './html';

const linkify = new MarkdownIt().linkify;

/**
 * Plain text as the chat clients show it: as typed, and an address written out with its
 * http(s):// clickable. A relay breaks addresses in user text ("https:\u200B//"), so only
 * the ones it meant as links match.
 */
export function plainTextHtml(text: string): string {
  let html = '';
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!/^https?:\/\//i.test(match.raw)) continue;
    html += escapeHtml(text.slice(at, match.index)) + linkHtml(match.url, escapeHtml(match.raw));
    at = match.lastIndex;
  }
  return html + escapeHtml(text.slice(at));
}

/** The paragraph a text message is drawn in; `inner` is HTML already. */
export function plainParagraph(inner: string): string {
  return `<p class="plain">${inner}</p>`;
}
