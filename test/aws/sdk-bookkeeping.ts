import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';
import { SDK_BOOKKEEPING } from './capture-server';

/** Drops the SDK's bookkeeping headers just before it signs (see SDK_BOOKKEEPING). */
export function dropSdkBookkeeping<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
): void {
  const drop: FinalizeRequestMiddleware<I, O> = (next) => async (args) => {
    const { headers } = args.request as { headers: Record<string, string> };
    for (const name of SDK_BOOKKEEPING) delete headers[name];
    return next(args);
  };
  stack.addRelativeTo(drop, {
    name: 'dropSdkBookkeepingHeaders',
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
  });
}
