import type { EventView } from '../view/event-view';
import type { RenderOptions } from '../platforms/chat-platform';

/**
 * Message templates of one robot (issue 12, "Settings (contract)"): keyed by an event
 * (`tag_push`), an event.action (`pull_request.merge`, the more specific) or `default`.
 */
export interface MessageTemplate {
  /** DingTalk's title, the Feishu card header, WeCom's first `###` line. */
  title?: string;
  /** The body: DingTalk markdown/actionCard text, Feishu lark_md, WeCom markdown content. */
  text: string;
}

export type TemplateSet = Readonly<Record<string, MessageTemplate>>;

/** How template output is written for one place of one platform's message. */
export interface OutputStyle {
  /** Makes one line of a value inert in this syntax (the platform's own escape). */
  escape(text: string): string;
  /** An address already vetted as an allowed Gitee page, as this syntax's link target. */
  linkTarget(url: string): string;
}

/** What one template render needs besides its fields. */
export interface TemplateRenderSettings {
  style: OutputStyle;
  /** The robot's time zone, for the `date` filter. */
  timezone: string;
  /** settings `links.giteeHosts`: the only hosts the `url` filter lets through. */
  giteeHosts: readonly string[];
}

/** The template's output before the product adds its guarantees. */
export interface TemplateOutput {
  /** One line, escaped for the title; null: the platform's built-in title (or none). */
  title: string | null;
  /** The body as the template wrote it, every value escaped. */
  text: string;
}

/**
 * One platform's templated message (lib/platforms/<name>/templated.ts): which msgtypes take a
 * template, how their title and body escape values, and the message for an output, with the
 * keyword and mentions added as the platform needs them. lib/templates fits the body to the
 * platform's limit by asking `fits`.
 */
export interface TemplatedRenderer<M = unknown> {
  /** Msgtypes whose body is markdown-like; a template on any other is a config error. */
  readonly msgtypes: readonly string[];
  readonly title: (options: RenderOptions) => OutputStyle;
  readonly text: (options: RenderOptions) => OutputStyle;
  compose(output: TemplateOutput, view: EventView, options: RenderOptions): M;
  fits(message: M): boolean;
}
