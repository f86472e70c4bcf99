import { parseTemplateParameterName } from './template-parameters';

/**
 * The SSM parameter layout (ARCHITECTURE.md, "Settings in SSM (contract)"), in one place.
 * Names are relative to the stage path, e.g. `/gitee-dingtalk/prod` + `/` + `gitee/secret`.
 * Message templates (`templates/…`) have their own module, template-parameters.ts.
 */

export type ParameterType = 'String' | 'SecureString';

/** Every stage's parameters live under `/gitee-dingtalk/<stage>` (serverless.yml sets the same). */
export const SETTINGS_PATH_PREFIX = '/gitee-dingtalk';

export const GITEE_SECRET_PARAMETER = 'gitee/secret';
export const CONFIG_PARAMETER = 'config';

/** Robot names become parameter path segments and config keys, so keep them plain. */
export const ROBOT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

export type RobotParameterKey = 'webhook' | 'secret';

export function settingsPathForStage(stage: string): string {
  return `${SETTINGS_PATH_PREFIX}/${stage}`;
}

export function robotParameterName(robot: string, key: RobotParameterKey): string {
  return `robots/${robot}/${key}`;
}

/** `robots/<name>/webhook|secret` → its parts; anything else under `robots/` → null. */
export function parseRobotParameterName(
  name: string,
): { robot: string; key: RobotParameterKey } | null {
  const match = /^robots\/([^/]+)\/(webhook|secret)$/.exec(name);
  if (!match) return null;
  return { robot: match[1] as string, key: match[2] as RobotParameterKey };
}

/**
 * The config and the message templates are the non-secret parameters; webhooks carry an
 * access_token, so they are secret.
 */
export function parameterTypeOf(name: string): ParameterType {
  return name === CONFIG_PARAMETER || parseTemplateParameterName(name) !== null
    ? 'String'
    : 'SecureString';
}

export function isKnownParameterName(name: string): boolean {
  return (
    name === GITEE_SECRET_PARAMETER ||
    name === CONFIG_PARAMETER ||
    parseRobotParameterName(name) !== null ||
    parseTemplateParameterName(name) !== null
  );
}

/** SSM's value limit (4 KB) for Standard-tier parameters (Advanced tier costs money; we never need it). */
export const MAX_PARAMETER_VALUE_BYTES = 4096;
