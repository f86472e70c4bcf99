import { jsonResponse, type JsonResponse } from './http/json-response';
import type { Logger } from './logger';
import type { SettingsSource } from './settings/source';
import { findTemplateProblems } from './settings/template-problems';

export interface HealthDeps {
  settings: SettingsSource;
  logger: Logger;
  version: string;
  /** How events reach the robots (DELIVERY_MODE); default direct. */
  deliveryMode?: 'queue' | 'direct';
}

/**
 * GET /health: whether settings load, how events are delivered (queue or direct), which robots
 * are configured (names, and the chat platform of each), which Gitee credential is accepted,
 * and whether every message template passes the validator (`templatesValid`; true when there
 * are none). A faulty template does not make health fail: its robots send built-in messages.
 */
export function createHealthHandler(deps: HealthDeps) {
  return async (): Promise<JsonResponse> => {
    try {
      const settings = await deps.settings.get();
      // An engine that cannot load validates nothing: no template is known to be valid.
      const templatesValid = await findTemplateProblems(settings).then(
        (problems) => problems.length === 0,
        () => false,
      );
      return jsonResponse(200, {
        ok: true,
        version: deps.version,
        deliveryMode: deps.deliveryMode ?? 'direct',
        robots: settings.robots.map((robot) => robot.name),
        platforms: Object.fromEntries(settings.robots.map((robot) => [robot.name, robot.platform])),
        giteeSecretConfigured: settings.giteeSecrets.length > 0,
        giteeAuth: settings.giteeAuth,
        templatesValid,
      });
    } catch (error) {
      deps.logger.error('health: settings unavailable', {
        problem: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return jsonResponse(503, { ok: false, version: deps.version, error: 'settings unavailable' });
    }
  };
}
