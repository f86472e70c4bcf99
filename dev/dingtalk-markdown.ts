import MarkdownIt from 'markdown-it';

/**
 * Markdown as the DingTalk client renders a robot's message (dingtalk-robot-api.md §5): only
 * headings, quotes, bold, italic, links, images and lists. Tables, code, rules, strikethrough,
 * setext headings, reference links and HTML are off, so the preview shows them as literal text
 * the way the phone does. A single newline stays a space (breaks: false), as in DingTalk.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, breaks: false })
  .disable(['table', 'code', 'fence', 'hr', 'lheading', 'reference', 'html_block'])
  .disable(['backticks', 'strikethrough', 'autolink', 'html_inline']);

/** What DingTalk's mention highlighting needs: the ids the message @-mentions. */
export type MentionEnv = {
  /** "@13800000000", "@manager4521", "@所有人": shown highlighted where they appear. */
  mentions: string[];
};

const DINGTALK_LINK = 'dingtalk://dingtalkclient/page/link';

/**
 * A link wrapped to open in the system browser (linkMode: browser) only works inside
 * DingTalk; the preview opens its target instead.
 */
export function browserHref(href: string): string {
  if (!href.startsWith(`${DINGTALK_LINK}?`)) return href;
  return (
    new URL(href.replace(DINGTALK_LINK, 'https://unwrap.invalid/')).searchParams.get('url') ?? href
  );
}

markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token !== undefined) {
    token.attrSet('href', browserHref(String(token.attrGet('href') ?? '')));
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, idx, options);
};

markdown.renderer.rules.text = (tokens, idx, _options, env) => {
  const mentions = Array.isArray(env?.mentions) ? (env.mentions as string[]) : [];
  return highlightMentions(markdown.utils.escapeHtml(tokens[idx]?.content ?? ''), mentions);
};

/** Wraps each mention token of already-escaped HTML text in a highlight. */
export function highlightMentions(escaped: string, mentions: readonly string[]): string {
  const tokens = [...new Set(mentions)]
    .map((token) => markdown.utils.escapeHtml(token))
    .sort((a, b) => b.length - a.length);
  if (tokens.length === 0) return escaped;
  // Not inside a longer id: "@138" must not light up part of "@13800000000".
  const alternatives = tokens.map((token) => markdown.utils.escapeRE(token)).join('|');
  const pattern = new RegExp(`(?:${alternatives})(?!\\w)`, 'g');
  return escaped.replace(pattern, (token) => `<span class="mention">${token}</span>`);
}

export function renderDingTalkMarkdown(text: string, env: MentionEnv): string {
  return markdown.render(text, env);
}

export function escapeHtml(text: string): string {
  return markdown.utils.escapeHtml(text);
}
