import type { DingTalkMessage } from './message';

/**
 * A robot with custom keywords (安全设置: 自定义关键词) refuses any message without one of them
 * (errcode 310000; dingtalk-robot-api.md §3, USER-NEEDS.md item 2). When no keyword is already
 * in both the title and the text, the first one is added once, as a "[keyword]" tag in front
 * of the title and of the heading that repeats it, for every msgtype alike. The keyword is the
 * operator's own word and goes in unescaped so DingTalk finds it verbatim.
 */
export function applyKeyword(
  message: DingTalkMessage,
  keywords: readonly string[],
): DingTalkMessage {
  const usable = keywords.filter((keyword) => keyword.trim() !== '');
  const [first] = usable;
  if (first === undefined) return message;
  const present = (title: string, text: string) =>
    usable.some((keyword) => title.includes(keyword) && text.includes(keyword));
  switch (message.msgtype) {
    case 'markdown': {
      const { title, text } = message.markdown;
      if (present(title, text)) return message;
      return { ...message, markdown: { title: tag(first, title), text: tagHeading(first, text) } };
    }
    case 'actionCard': {
      const { title, text } = message.actionCard;
      if (present(title, text)) return message;
      return {
        ...message,
        actionCard: {
          ...message.actionCard,
          title: tag(first, title),
          text: tagHeading(first, text),
        },
      };
    }
    case 'text': {
      // A text message has no title: its first line plays that part.
      const { content } = message.text;
      if (present(content, content)) return message;
      return { ...message, text: { content: tag(first, content) } };
    }
  }
}

function tag(keyword: string, line: string): string {
  return `[${keyword}] ${line}`;
}

function tagHeading(keyword: string, text: string): string {
  const heading = /^#{1,6} /.exec(text);
  return heading ? heading[0] + tag(keyword, text.slice(heading[0].length)) : tag(keyword, text);
}
