import type { Secret } from '../crypto/secret';
import type { PlatformMsgType } from '../platforms/catalog';
import type { MentionIdentity } from '../platforms/chat-platform';
import type { PlatformName } from '../platforms/infer-platform';
import type { TemplateSet } from '../templates/types';
import type { TemplateProblem, TemplateSource } from '../templates/validate';

export type Locale = 'zh-CN' | 'en';
export type LinkMode = 'dingtalk' | 'browser';

/** How one robot's messages look; `defaults:` in config, overridden per robot. */
export interface MessageOptions {
  locale: Locale;
  /** One of the robot's platform's msgtypes (PLATFORM_CATALOG), validated at load. */
  msgtype: PlatformMsgType;
  timezone: string;
  /** Commits listed in a push message before "and N more". */
  maxCommits: number;
  /**
   * DingTalk only: `browser` wraps links in dingtalk://dingtalkclient/page/link?url=…&pc_slide=false.
   * A robot on another platform always has `dingtalk`: links as they are.
   */
  linkMode: LinkMode;
}

/** `defaults:` in config, before each robot's platform decides what applies to it. */
export interface DefaultOptions extends Omit<MessageOptions, 'msgtype'> {
  /** For the robots whose platform has it; the others (and all when unset) take their default. */
  msgtype?: PlatformMsgType;
}

export interface RobotSettings extends MessageOptions {
  /** The name under robots/<name>/ in SSM. */
  name: string;
  /** The chat app the robot lives in: `robots.<name>.platform`, else inferred from the webhook. */
  platform: PlatformName;
  /** Full webhook URL (a bare WeCom key made whole): a credential, never logged. */
  webhook: Secret;
  /** DingTalk's SEC… or Feishu's signing secret; when present every request is signed. */
  secret: Secret | null;
  /** The robot's custom keywords (at most 10; WeCom none); one is always in the message. */
  keywords: string[];
  /**
   * The message templates it renders with (issue 12): its own, else `defaults.templates` when
   * its msgtype takes one; undefined: built-in messages only. Set aside (undefined) when the
   * validator found a mistake in them, so a typo never reaches a group.
   */
  templates?: TemplateSet;
}

/** One `routes:` entry of the config (routing issue contract). */
export interface Route {
  /** Globs on "namespace/name"; undefined = any. */
  repos?: string[];
  /** An event (`push`) or event.action (`pull_request.merge`); undefined = any. */
  events?: string[];
  /** push/tag_push: the ref name; pull_request: the target branch; undefined = any. */
  branches?: string[];
  robots: string[];
  atAll: boolean;
}

/** A Gitee login's identities in the chat apps, for @mentions; each platform reads its own keys. */
export type MentionTarget = MentionIdentity;

export interface Filters {
  ignoreSenders: string[];
  /** A push whose every commit message matches is skipped. */
  skipCommitPattern: RegExp | null;
}

/**
 * Which Gitee credential a delivery may carry: `sign` (the signing key's HMAC of the
 * timestamp), `password` (the WebHook password, a permanent bearer credential) or `either`.
 */
export type GiteeAuth = 'sign' | 'password' | 'either';

/** Where links and buttons may point. */
export interface LinkSettings {
  /**
   * Hosts of the Gitee that sends the hooks: `gitee.com` plus those of a Gitee Enterprise or
   * private Gitee. A payload URL on any other host is never used as a link.
   */
  giteeHosts: string[];
}

export interface Settings {
  /** Accepted Gitee signing keys or passwords; several during a rotation. Empty: refuse all. */
  giteeSecrets: Secret[];
  giteeAuth: GiteeAuth;
  links: LinkSettings;
  robots: RobotSettings[];
  /** undefined: every event goes to every robot. */
  routes: Route[] | undefined;
  mentions: Record<string, MentionTarget>;
  filters: Filters;
  /** Every configured template text (robots' own and the defaults'), for the validator. */
  templates?: readonly ConfiguredTemplate[];
  /**
   * What the validator found in `templates` when the settings were loaded (loadSettings):
   * empty when all are valid; undefined when these settings were built without it.
   */
  templateProblems?: readonly TemplateProblem[];
}

/** One template text where it is configured: `templates/<owner>/<key>/<part>` in SSM. */
export interface ConfiguredTemplate extends TemplateSource {
  /** A robot's name, or `defaults`. */
  owner: string;
  /** `default`, an event or event.action. */
  key: string;
  part: 'title' | 'text';
}
