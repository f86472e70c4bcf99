import { emptyView, type Span } from '../../view/event-view';
import { factParts, pageLinks, wecomBlocks, type WecomRenderInput } from './blocks';
import { cutWidth, displayWidth } from './cut-width';
import { WECOM_LIMITS } from './limits';
import type { WecomTemplateCardMessage, WecomTextNoticeCard } from './message';
import { textStyle } from './render-text';

const CARD = WECOM_LIMITS.templateCard;

/**
 * A text_notice template card (feishu-wecom-robot-api.md §2.2): "Gitee" as its source, the
 * headline as its title over the repository, commits or the excerpt below, facts side by
 * side, up to three links, and a tap on the card opens the primary Gitee page. Cards have
 * no byte limit but recommended lengths, which every field keeps (by display width, see
 * cutWidth); cards cannot mention anyone, so people are named.
 */
export function renderCard(input: WecomRenderInput): WecomTemplateCardMessage {
  const { view, t } = input;
  const blocks = wecomBlocks(input, textStyle, textStyle);
  const title = cutWidth(blocks.heading, CARD.mainTitleChars);
  const facts = factParts(input, textStyle);
  const horizontal = [
    ...facts.flatMap(({ label, value }) => (label ? [{ keyname: label, value }] : [])),
    ...(blocks.unmappedNames.length > 0
      ? [{ keyname: t.cc, value: blocks.unmappedNames.join(t.listSeparator) }]
      : []),
  ]
    .slice(0, CARD.maxHorizontalItems)
    .map(({ keyname, value }) => ({
      keyname: cutWidth(keyname, CARD.keynameChars),
      value: cutWidth(value, CARD.valueChars),
    }));
  const links = pageLinks(input).slice(0, CARD.maxJumpItems);
  const sentences = facts.flatMap(({ label, value }) => (label ? [] : [value]));
  const subTitle = subTitleText(input, [
    ...(title === blocks.heading ? [] : [blocks.heading]),
    ...sentences,
  ]);
  const repository = spansText(input, view.context.slice(0, 1));
  const card: WecomTextNoticeCard = {
    card_type: 'text_notice',
    source: { desc: 'Gitee', desc_color: 0 },
    main_title: {
      title,
      ...(repository ? { desc: cutWidth(repository, CARD.mainTitleChars) } : {}),
    },
    ...(subTitle ? { sub_title_text: subTitle } : {}),
    ...(horizontal.length > 0 ? { horizontal_content_list: horizontal } : {}),
    ...(links.length > 0
      ? {
          jump_list: links.map((page) => ({
            type: 1 as const,
            title: cutWidth(page.label, CARD.jumpTitleChars),
            url: page.url,
          })),
        }
      : {}),
    // Required: every view links somewhere (describeEvent adds the repository at least).
    card_action: { type: 1, url: links[0]?.url ?? view.links[0]?.url ?? '' },
  };
  return { msgtype: 'template_card', template_card: card };
}

/**
 * Lines under the title within the recommended length: `first` (the whole headline when the
 * title had to cut it), then as many commits as fit with the "and N more" line, then the
 * excerpt cut to what is left.
 */
function subTitleText(input: WecomRenderInput, first: readonly string[]): string {
  const { t, view } = input;
  // Display width: twice the recommended 字 (see cutWidth).
  const max = CARD.subTitleChars * 2;
  const length = (lines: readonly string[]) => displayWidth(lines.join('\n'));
  const more = (count: number) => (count > 0 ? [t.push.moreCommits(count)] : []);
  const blocks = wecomBlocks(input, textStyle, textStyle);
  const lines = [...first];
  let shown = 0;
  for (const item of blocks.items) {
    const line = `• ${item}`;
    if (length([...lines, line, ...more(view.itemTotal - shown - 1)]) > max) break;
    lines.push(line);
    shown += 1;
  }
  lines.push(...more(view.itemTotal - shown));
  const [open, close] = t.quote;
  const room = max - length([...lines, `${open}${close}`]);
  const excerpt = blocks.excerpt && cutWidth(blocks.excerpt, Math.floor(room / 2));
  if (excerpt) lines.push(`${open}${excerpt}${close}`);
  return cutWidth(lines.join('\n'), CARD.subTitleChars);
}

/** Spans as plain card text, with the budget's cuts. */
function spansText(input: WecomRenderInput, spans: Span[]): string {
  return wecomBlocks({ ...input, view: emptyView(spans), unmapped: [] }, textStyle, textStyle)
    .heading;
}
