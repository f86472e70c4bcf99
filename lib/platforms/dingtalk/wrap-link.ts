import type { LinkMode } from '../../settings/types';

/**
 * `linkMode: browser` opens Gitee in the system browser instead of DingTalk's in-app webview,
 * which cannot reach intranet or login-gated Gitee Enterprise pages
 * (dingtalk-robot-api.md §5; go-gitea/gitea PR #17084).
 */
export function wrapLink(url: string, linkMode: LinkMode): string {
  if (linkMode !== 'browser') return url;
  return `dingtalk://dingtalkclient/page/link?url=${encodeURIComponent(url)}&pc_slide=false`;
}

/** Characters that would end a markdown link target early, percent-encoded. */
export function markdownSafeUrl(url: string): string {
  return url.replace(/[()<>[\]"\s]/g, (char) =>
    // encodeURIComponent leaves ( and ) alone; they close `[label](url)`.
    char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char),
  );
}
