import type { ChatPlatform, PlatformName } from './chat-platform';
import { dingtalk } from './dingtalk';
import { feishu } from './feishu';
import { wecom } from './wecom';

/** Every chat platform by the name settings use; a new platform is one folder and one line. */
export const PLATFORMS = { dingtalk, feishu, wecom } satisfies Record<PlatformName, ChatPlatform>;

export type Platforms = Readonly<Record<PlatformName, ChatPlatform>>;
