import type { PlatformName } from '../lib/platforms/infer-platform';
import { configuredMsgtype } from './configured-msgtype';
import type { PlaygroundMessage } from './playground-emulators';
import { DINGTALK_RENDERED, renderDingTalkBody } from './preview/dingtalk';
import { FEISHU_RENDERED, renderFeishuBody } from './preview/feishu';
import { rawText } from './preview/fields';
import { escapeHtml } from './preview/html';
import type { MessagePreview, RenderedBody } from './preview/types';
import { renderWecomBody, WECOM_RENDERED } from './preview/wecom';

export type { CardHeader, MessagePreview, PreviewButton } from './preview/types';

/** Per platform: the wire msgtypes it draws, and how. */
const CLIENTS: Record<
  PlatformName,
  { rendered: ReadonlySet<string>; render(msgtype: string, body: unknown): RenderedBody }
> = {
  dingtalk: { rendered: DINGTALK_RENDERED, render: renderDingTalkBody },
  feishu: { rendered: FEISHU_RENDERED, render: renderFeishuBody },
  wecom: { rendered: WECOM_RENDERED, render: renderWecomBody },
};

/** A body the client would not draw (no msgtype, an unknown one, not JSON) is shown raw. */
function rawBody(message: unknown): RenderedBody {
  return {
    title: null,
    header: null,
    html: `<pre class="raw">${escapeHtml(rawText(message))}</pre>`,
    buttons: [],
    buttonsInRow: false,
    mentions: [],
  };
}

/** What the page draws for one received message, the way its platform's client shows it. */
export function renderPreview(id: number, received: PlaygroundMessage): MessagePreview {
  const client = CLIENTS[received.platform];
  const body = client.rendered.has(received.msgtype)
    ? client.render(received.msgtype, received.message)
    : rawBody(received.message);
  return {
    id,
    platform: received.platform,
    robot: received.robot,
    msgtype: configuredMsgtype(received),
    receivedAt: received.receivedAt,
    ...body,
    accepted: received.errcode === 0,
    errcode: received.errcode,
    errmsg: received.errmsg,
    message: received.message,
  };
}
