/**
 * A bot with custom keywords refuses a message without one of them (19024). Feishu matches
 * keywords only in text-like values (`text`, `title`, `content`), never in a link target
 * (feishu-wecom-robot-api.md §1.2), so the keyword goes into the visible title and the body
 * text, each time only where no keyword is already shown. The keyword is the operator's own
 * word and goes in unescaped so Feishu finds it verbatim.
 */

/** "[keyword] " when `visible` shows none of the keywords, else "". */
export function keywordTag(keywords: readonly string[], visible: string): string {
  const usable = keywords.filter((keyword) => keyword.trim() !== '');
  const [first] = usable;
  if (first === undefined || usable.some((keyword) => visible.includes(keyword))) return '';
  return `[${first}] `;
}

/**
 * What a reader sees of card markdown we wrote: link labels without their targets, mentions
 * and `<font>` without their attributes. User text holds no "<" or "](" of its own (escaped
 * as entities), so every tag and link here is ours.
 */
export function visibleMarkdown(markdown: string): string {
  return markdown.replace(/\]\([^)\s]*\)/g, ']').replace(/<[^<>]*>/g, '');
}
