/**
 * The few HTML pieces previews build by hand. Every text goes through escapeHtml and every
 * address through safeHref, so nothing a message carries is ever parsed as markup.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * The address for an href, or null when it is not one a chat client opens: only http(s)
 * survives (a `javascript:` button posted by hand must not run in the playground's origin).
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `<tag class="…">inner</tag>`; `inner` is HTML already. */
export function element(tag: string, className: string, inner: string): string {
  return `<${tag} class="${escapeHtml(className)}">${inner}</${tag}>`;
}

/** A link that opens in a new tab, or just its escaped text when the address is unsafe. */
export function linkHtml(url: string, textHtml: string, className = ''): string {
  const href = safeHref(url);
  const classes = className === '' ? '' : ` class="${escapeHtml(className)}"`;
  if (href === null) return className === '' ? textHtml : `<span${classes}>${textHtml}</span>`;
  return `<a${classes} href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${textHtml}</a>`;
}

/** A highlighted @mention, as each client shows the people a message notifies. */
export function mentionHtml(shown: string): string {
  return `<span class="mention">${escapeHtml(shown)}</span>`;
}
