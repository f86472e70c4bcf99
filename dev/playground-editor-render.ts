import { PLATFORMS } from '../lib/platforms';
import { routeDelivery } from '../lib/routing/route-delivery';
import type { RobotSettings, Settings } from '../lib/settings/types';
import { pickTemplate } from '../lib/templates/pick-template';
import { renderTemplatedOrBuiltIn } from '../lib/templates/render-templated';
import type { MessageTemplate, TemplateSet } from '../lib/templates/types';
import { describeForTargets, renderOptionsFor } from '../lib/webhook/render-jobs';
import type { EditorSample } from './playground-editor-samples';
import { renderPreview, type MessagePreview } from './render-preview';

/** One sample as the edited template makes it, drawn as the robot's client draws it. */
export interface EditorPreview {
  sample: string;
  /** event.action of the sample, as routes and template keys name it. */
  event: string;
  /** Whether routes send this sample to the robot at all (the preview shows it either way). */
  routed: boolean;
  /** templated, or the built-in message the relay falls back to, and why. */
  kind: 'templated' | 'fallback' | 'built-in';
  reason?: string;
  preview: MessagePreview;
}

export interface PreviewRequest {
  settings: Settings;
  robot: RobotSettings;
  /** The robot's templates as configured, before the edit. */
  templates: TemplateSet;
  key: string;
  template: MessageTemplate;
  samples: readonly EditorSample[];
  now: number;
}

/**
 * The edited template rendered against every sample it would apply to (issue 12, "Live
 * template editor"): the samples whose event picks this key among the robot's templates,
 * through the relay's own describe, route and templated render, so what the page shows is
 * what the group would get, keyword, mentions and size limit included.
 */
export async function previewTemplate(request: PreviewRequest): Promise<EditorPreview[]> {
  const { settings, robot, key } = request;
  const templates: TemplateSet = { ...request.templates, [key]: request.template };
  const previews: EditorPreview[] = [];
  for (const { name, delivery } of request.samples) {
    const routing = routeDelivery(delivery, settings);
    const target =
      routing.kind === 'send'
        ? routing.targets.find((t) => t.robot.name === robot.name)
        : undefined;
    const atAll = target?.atAll ?? false;
    const [view] = describeForTargets(delivery, settings, [{ robot, atAll }]);
    if (!view?.fields || pickTemplate(templates, view.fields)?.key !== key) continue;
    const result = await renderTemplatedOrBuiltIn<unknown>({
      view,
      platform: PLATFORMS[robot.platform],
      options: renderOptionsFor(robot, settings, atAll),
      templates,
      timezone: robot.timezone,
      giteeHosts: settings.links.giteeHosts,
    });
    previews.push({
      sample: name,
      event: `${view.fields.event}.${view.fields.action}`,
      routed: target !== undefined,
      kind: result.kind,
      ...(result.kind === 'fallback' ? { reason: result.reason } : {}),
      preview: previewOf(previews.length, robot, result.message, request.now),
    });
  }
  return previews;
}

/** A message as the page's client columns draw a received one (dev/render-preview.ts). */
function previewOf(id: number, robot: RobotSettings, message: unknown, now: number) {
  const body = message as { msgtype?: unknown; msg_type?: unknown };
  const wire = robot.platform === 'feishu' ? body.msg_type : body.msgtype;
  const common = {
    robot: robot.name,
    msgtype: typeof wire === 'string' ? wire : '',
    message,
    errcode: 0,
    errmsg: '',
    httpStatus: 200,
    receivedAt: new Date(now).toISOString(),
  };
  return renderPreview(id, { ...common, platform: robot.platform });
}
