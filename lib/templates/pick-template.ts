import { EVENT_ACTIONS, isEventKind } from '../gitee/actions';
import type { TemplateFields } from '../view/template-fields';
import type { MessageTemplate, TemplateSet } from './types';

/** The template for an event: `event.action`, else `event`, else `default` (more specific wins). */
export function pickTemplate(
  templates: TemplateSet | undefined,
  fields: Pick<TemplateFields, 'event' | 'action'>,
): { key: string; template: MessageTemplate } | null {
  if (templates === undefined) return null;
  for (const key of [`${fields.event}.${fields.action}`, fields.event, 'default']) {
    if (Object.hasOwn(templates, key)) return { key, template: templates[key]! };
  }
  return null;
}

/**
 * Why a `templates:` key names no event, or null: `default`, an event (`tag_push`) or an
 * event.action of the routing vocabulary (`pull_request.merge`), as routes[].events takes.
 */
export function templateKeyProblem(key: string): string | null {
  if (key === 'default') return null;
  const [event = '', action, extra] = key.split('.');
  if (!isEventKind(event) || extra !== undefined) {
    return `"${key}" is not default, an event (${Object.keys(EVENT_ACTIONS).join(', ')}) or event.action`;
  }
  if (action === undefined || EVENT_ACTIONS[event].includes(action)) return null;
  return `"${key}": ${event} has no action "${action}" (${EVENT_ACTIONS[event].join(', ')})`;
}
