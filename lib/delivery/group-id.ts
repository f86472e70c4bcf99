import { createHash } from 'node:crypto';
import { robotCredential } from '../platforms/credential';
import type { RobotSettings } from '../settings/types';

/**
 * A robot's key in the queue and the table (contract): `r-` + the first 16 hex of
 * sha256(its platform credential). Never the credential itself: message group ids show in
 * the SQS console, and table keys in `status`. The flush token's group is `f-` + the same.
 */
export function robotGroupId(robot: Pick<RobotSettings, 'platform' | 'webhook'>): string {
  return `r-${credentialHash(robot)}`;
}

export function flushGroupId(robotGroup: string): string {
  return `f-${robotGroup.replace(/^r-/, '')}`;
}

function credentialHash(robot: Pick<RobotSettings, 'platform' | 'webhook'>): string {
  const credential = robotCredential(robot.platform, robot.webhook.reveal());
  return createHash('sha256').update(credential, 'utf8').digest('hex').slice(0, 16);
}
