import { PLATFORM_CATALOG } from '../platforms/catalog';
import { inferPlatform } from '../platforms/infer-platform';
import { robotParameterName } from './parameters';
import type { RobotPlatform } from './platform-rules';
import { robotWebhookProblem } from './robot-webhook-host';

export interface RobotParameters {
  webhook?: string;
  secret?: string;
}

/** What a robot sends with: the webhook as its platform stores it, and its secret. */
export interface RobotCredentials {
  webhook: string;
  secret: string | null;
}

const KEY_SHAPE = /^[A-Za-z0-9_-]+$/;

/**
 * A robot's webhook and secret under its platform's rules (PLATFORM_CATALOG): the webhook
 * normalised (a bare WeCom key made a full URL), or every problem, by parameter name. No
 * message quotes either value: a webhook holds its token, a WeCom key is the robot's only secret.
 */
export function checkRobotCredentials(
  name: string,
  parameters: RobotParameters,
  robot: RobotPlatform,
  problems: string[],
): RobotCredentials | undefined {
  const before = problems.length;
  const webhook = checkWebhook(name, (parameters.webhook ?? '').trim(), robot, problems);
  const facts = PLATFORM_CATALOG[robot.platform];
  if (parameters.secret !== undefined && !facts.signs) {
    problems.push(
      `${robotParameterName(name, 'secret')}: ${facts.label} has no signing, so a ${facts.label} robot has no secret; delete this parameter`,
    );
  }
  if (webhook === undefined || problems.length > before) return undefined;
  return { webhook, secret: parameters.secret === undefined ? null : parameters.secret.trim() };
}

function checkWebhook(
  name: string,
  webhook: string,
  robot: RobotPlatform,
  problems: string[],
): string | undefined {
  const parameter = robotParameterName(name, 'webhook');
  const { label, checkWebhook: check } = PLATFORM_CATALOG[robot.platform];
  const seen = inferPlatform(webhook);
  if (robot.declared && robot.platform === 'dingtalk' && seen !== 'dingtalk') {
    // Any URL is a DingTalk webhook, so say what this one is before DingTalk refuses it.
    problems.push(
      `config: robots.${name}.platform: says dingtalk, but ${parameter} is a ${PLATFORM_CATALOG[seen].label} webhook`,
    );
    return undefined;
  }
  const checked = check(webhook);
  if (!checked.ok) {
    problems.push(`${parameter}: ${checked.error}${hint(checked.error, webhook, label, robot)}`);
    return undefined;
  }
  const problem = robotWebhookProblem(checked.webhook);
  if (problem !== null) {
    problems.push(`${parameter}: ${problem}`);
    return undefined;
  }
  return checked.webhook;
}

/** Which platform the rule came from where the rule does not say, and the bare-key mistake. */
function hint(error: string, webhook: string, label: string, robot: RobotPlatform): string {
  if (robot.platform === 'dingtalk') {
    return !robot.declared && KEY_SHAPE.test(webhook)
      ? ' (a WeCom robot given by its key alone needs platform: wecom)'
      : '';
  }
  return error.includes(label) ? '' : ` (for a ${label} robot)`;
}
