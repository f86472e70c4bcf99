import { HttpError } from '../errors';
import { verifyGiteeRequest, type GiteeAuthMode, type VerifyResult } from '../gitee/verify';
import type { SettingsSource } from '../settings/source';
import type { Settings } from '../settings/types';

export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
  constructor(readonly detail: string) {
    // The precise reason goes to the log only; Gitee's delivery log sees the plain answer.
    super(401, 'invalid signature');
  }
}

export interface AuthenticateInput {
  headers: Readonly<Record<string, string | undefined>>;
  settings: Settings;
  source: SettingsSource;
  now: number;
  windowMs: number;
}

/** How a delivery proved itself, and until when its credential may still be presented. */
export interface Authenticated {
  settings: Settings;
  mode: GiteeAuthMode;
  replayKey: string;
  /** X-Gitee-Timestamp + the window: after this the verifier refuses the pair as stale. */
  validUntilMs: number;
}

/** Failures that settings just written to SSM (a rotated secret, a new giteeAuth) may fix. */
const FIXED_BY_NEW_SETTINGS = new Set(['mismatch', 'no-secret', 'refused-mode']);

/**
 * Verifies a delivery against the configured Gitee secrets and `giteeAuth`. When that fails
 * in a way new settings could fix, the settings are re-read once and the check is repeated:
 * rotation takes effect on the next request without a redeploy.
 */
export async function authenticate(input: AuthenticateInput): Promise<Authenticated> {
  let settings = input.settings;
  let result = check(input, settings);
  if (!result.ok && FIXED_BY_NEW_SETTINGS.has(result.reason)) {
    settings = await input.source.refresh();
    result = check(input, settings);
  }
  if (!result.ok) throw new UnauthorizedError(`${result.reason}: ${result.detail}`);
  return {
    settings,
    mode: result.mode,
    replayKey: result.replayKey,
    validUntilMs: result.timestampMs + input.windowMs,
  };
}

function check(input: AuthenticateInput, settings: Settings): VerifyResult {
  return verifyGiteeRequest({
    token: input.headers['x-gitee-token'],
    timestamp: input.headers['x-gitee-timestamp'],
    secrets: settings.giteeSecrets,
    accept: settings.giteeAuth,
    now: input.now,
    windowMs: input.windowMs,
  });
}
