import MarkdownIt from 'markdown-it';

type Markdown = MarkdownIt.MarkdownIt;

/**
 * A markdown-it for one client's dialect: HTML input off (only the tags a dialect adds are
 * read, see inline-tags.ts), no typographic replacements, links opening in a new tab.
 */
export function createMarkdown(options: { breaks: boolean }): Markdown {
  const md = new MarkdownIt('default', { html: false, linkify: false, breaks: options.breaks });
  md.renderer.rules.link_open = (tokens, idx, renderOptions, _env, self) => {
    tokens[idx]?.attrSet('target', '_blank');
    tokens[idx]?.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, renderOptions);
  };
  return md;
}

/** An image a client could not load from the preview (Feishu's img_key), as a placeholder. */
export function imagesAsPlaceholders(md: Markdown): Markdown {
  md.renderer.rules.image = () => '<span class="placeholder">[图片]</span>';
  return md;
}
