import { mentionLine, type SpanStyle } from '../../view/render-blocks';
import {
  digestHeading,
  renderDigestBlocks,
  type DigestBlocksInput,
  type DigestLine,
} from '../../view/digest-blocks';
import type { LinkMode } from '../../settings/types';
import { escapeMarkdown } from './escape';
import type { ResolvedMentions } from './mentions';
import type { MarkdownMessage, TextMessage } from './message';
import { atField, plainStyle } from './render-input';
import { markdownStyle } from './render-markdown';

/** What a DingTalk digest writer gets: the neutral input, the link mode and the mentions. */
export interface DingTalkDigestInput extends DigestBlocksInput {
  linkMode: LinkMode;
  mentions: ResolvedMentions;
}

const markdownHeading: SpanStyle = { escape: escapeMarkdown, link: (label) => label };

/**
 * A digest as markdown (for markdown and actionCard robots: an actionCard has room for one
 * event's buttons, not a list). The title repeated as a heading, each repository in bold,
 * one list item per event linking its page, then "N more follow" and the mention line with
 * the `@` tokens DingTalk needs beside `at`. Every paragraph and item is set apart by a blank
 * line, since DingTalk joins single line breaks (dingtalk-robot-api.md §5).
 */
export function writeMarkdownDigest(input: DingTalkDigestInput): MarkdownMessage {
  const { t, mentions } = input;
  const style = markdownStyle(input.linkMode);
  const blocks = renderDigestBlocks(input, style, markdownHeading);
  const item = (line: DigestLine) =>
    `- ${line.url ? style.link(line.label, line.url) : line.label}`;
  const text = [
    `#### ${blocks.heading}`,
    ...blocks.sections.flatMap((section) => [
      `**${section.repository}**`,
      ...section.lines.map(item),
    ]),
    blocks.more,
    mentionLine(t, [...mentions.tokens, ...blocks.unmappedNames]),
  ]
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  return {
    msgtype: 'markdown',
    markdown: { title: digestHeading(input, plainStyle), text },
    ...atField(mentions),
  };
}

/**
 * A digest as plain text: each repository's name on its own line, one "•" line per event with
 * its address written out (DingTalk makes it clickable). DingTalk shows the pinged people of
 * a text message from `at` itself, so the mention line names only those it cannot ping.
 */
export function writeTextDigest(input: DingTalkDigestInput): TextMessage {
  const { t } = input;
  const blocks = renderDigestBlocks(input, plainStyle, plainStyle);
  const item = (line: DigestLine) => `• ${line.label}${line.url ? ` ${line.url}` : ''}`;
  const body = blocks.sections.flatMap((section) => [
    '',
    section.repository,
    ...section.lines.map(item),
  ]);
  const tail = [blocks.more, mentionLine(t, blocks.unmappedNames)].filter((line) => line !== '');
  return {
    msgtype: 'text',
    text: {
      content: [blocks.heading, ...body, ...(tail.length > 0 ? ['', ...tail] : [])].join('\n'),
    },
    ...atField(input.mentions),
  };
}
