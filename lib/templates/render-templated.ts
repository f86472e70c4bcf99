import type { ChatPlatform, RenderOptions } from '../platforms/chat-platform';
import { cutLine, oneLine } from '../view/cut-text';
import type { EventView } from '../view/event-view';
import { renderTemplate } from './engine';
import { fitOutput } from './fit-output';
import { pickTemplate } from './pick-template';
import { renderFields, type RenderFields } from './render-fields';
import { TEMPLATED_PLATFORMS } from './templated-platforms';
import type { MessageTemplate, TemplatedRenderer, TemplateSet } from './types';

/**
 * What became of one robot's message: no template for the event (built-in), the template's
 * message, or the built-in message because the template failed, with why, for the caller's
 * log line (issue 12: "falls back to the built-in message and logs why").
 */
export type TemplatedResult<M> =
  | { kind: 'built-in'; message: M }
  | { kind: 'templated'; message: M; template: string }
  | { kind: 'fallback'; message: M; template: string; reason: string };

export interface TemplatedRequest<M> {
  view: EventView;
  /** The robot's platform: its built-in render is the fallback. */
  platform: ChatPlatform<M>;
  options: RenderOptions;
  /** The robot's templates (its own, else defaults.templates); undefined: none. */
  templates: TemplateSet | undefined;
  /** The robot's time zone (the `date` filter). */
  timezone: string;
  /** settings `links.giteeHosts` (the `url` filter). */
  giteeHosts: readonly string[];
}

/** A title is one line; longer than this it is no title. */
const MAX_TITLE = 128;
const MAX_REASON = 300;

/**
 * One robot's message for a view: its template's when one matches the event, with the
 * platform's guarantees added (escaping, keyword, mentions, size), else the built-in one.
 * Never rejects: a template that fails or renders empty gives the built-in message.
 */
export async function renderTemplatedOrBuiltIn<M>(
  request: TemplatedRequest<M>,
): Promise<TemplatedResult<M>> {
  const { view, platform, options } = request;
  const builtIn = () => platform.render(view, options);
  const picked = view.fields ? pickTemplate(request.templates, view.fields) : null;
  if (picked === null) return { kind: 'built-in', message: builtIn() };
  const fallback = (reason: string): TemplatedResult<M> => ({
    kind: 'fallback',
    message: builtIn(),
    template: picked.key,
    reason: cutLine(reason, MAX_REASON),
  });
  if (!Object.hasOwn(TEMPLATED_PLATFORMS, platform.name)) {
    return fallback(`${platform.label} takes no template`);
  }
  // Each platform's renderer makes that platform's messages (the tables share their keys).
  const renderer = TEMPLATED_PLATFORMS[platform.name] as unknown as TemplatedRenderer<M>;
  if (!renderer.msgtypes.includes(options.msgtype)) {
    return fallback(`msgtype ${options.msgtype} takes no template`);
  }
  try {
    // A view read back from a queue message is JSON of another version, perhaps: its fields
    // are read inside the try, so a shape this version does not know only falls back.
    const fields = renderFields(view, options);
    if (fields === null) return fallback('the event carries no template fields');
    const message = await templated(picked.template, fields, renderer, request);
    if (message === 'empty') return fallback('the template rendered empty');
    if (message === null) return fallback('the message does not fit even with the text cut');
    return { kind: 'templated', message, template: picked.key };
  } catch (error) {
    return fallback(`template error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function templated<M>(
  template: MessageTemplate,
  fields: RenderFields,
  renderer: TemplatedRenderer<M>,
  request: TemplatedRequest<M>,
): Promise<M | 'empty' | null> {
  const { view, options, timezone, giteeHosts } = request;
  const text = (
    await renderTemplate(template.text, fields, {
      style: renderer.text(options),
      timezone,
      giteeHosts,
    })
  ).trim();
  if (text === '') return 'empty';
  const title =
    template.title === undefined
      ? ''
      : cutLine(
          await renderTemplate(template.title, fields, {
            style: renderer.title(options),
            timezone,
            giteeHosts,
          }),
          MAX_TITLE,
        );
  const output = (body: string) =>
    renderer.compose({ title: title === '' ? null : title, text: body }, view, options);
  return fitOutput(text, output, (message) => renderer.fits(message));
}

/**
 * A templated event's line in a digest (issue 12): its template's title, rendered as plain
 * text (the digest escapes and cuts it like any user text), or undefined when the event has
 * no template with a title, or it fails or renders empty (the line is then the headline).
 */
export async function renderDigestTitle(
  view: EventView,
  templates: TemplateSet | undefined,
  options: RenderOptions,
  settings: { timezone: string; giteeHosts: readonly string[] },
): Promise<string | undefined> {
  const picked = view.fields ? pickTemplate(templates, view.fields) : null;
  const fields = renderFields(view, options);
  if (picked?.template.title === undefined || fields === null) return undefined;
  try {
    const style = { escape: (text: string) => text, linkTarget: (url: string) => url };
    const title = oneLine(
      await renderTemplate(picked.template.title, fields, { ...settings, style }),
    );
    return title === '' ? undefined : cutLine(title, MAX_TITLE);
  } catch {
    return undefined;
  }
}
