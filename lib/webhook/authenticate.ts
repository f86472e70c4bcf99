import { HttpError } from '../errors';
import { verifyGiteeRequest, type VerifyResult } from '../gitee/verify';
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

/**
 * Verifies a delivery against the configured Gitee secrets. When no secret matches, the
 * settings are re-read once (a secret may just have been rotated in SSM) and the check is
 * repeated: rotation takes effect on the next request without a redeploy.
 * Returns the settings in force after the check.
 */
export async function authenticate(input: AuthenticateInput): Promise<Settings> {
  let settings = input.settings;
  let result = check(input, settings);
  if (!result.ok && (result.reason === 'mismatch' || result.reason === 'no-secret')) {
    settings = await input.source.refresh();
    result = check(input, settings);
  }
  if (!result.ok) throw new UnauthorizedError(`${result.reason}: ${result.detail}`);
  return settings;
}

function check(input: AuthenticateInput, settings: Settings): VerifyResult {
  return verifyGiteeRequest({
    token: input.headers['x-gitee-token'],
    timestamp: input.headers['x-gitee-timestamp'],
    secrets: settings.giteeSecrets,
    now: input.now,
    windowMs: input.windowMs,
  });
}
