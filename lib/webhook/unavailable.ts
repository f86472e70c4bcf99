import { jsonResponse, type JsonResponse } from '../http/json-response';
import type { Logger } from '../logger';

/**
 * The handler of a function deployed with settings it cannot run on (a DELIVERY_MODE that is
 * neither queue nor direct, queue mode without its queue): every request is answered 500
 * "settings unavailable", as for settings that do not load, and logs what to fix.
 */
export function createUnavailableHandler(logger: Logger, problem: string) {
  return (): Promise<JsonResponse> => {
    logger.error('settings unavailable', { problem });
    return Promise.resolve(jsonResponse(500, { error: 'settings unavailable' }));
  };
}
