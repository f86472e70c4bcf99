import { PLATFORM_CATALOG, type PlatformMsgType } from '../platforms/catalog';
import type { PlatformName } from '../platforms/infer-platform';
import type { TemplateSet } from '../templates/types';
import { describeName, type Problems } from './config-fields';
import type { ConfiguredTemplates } from './configured-templates';
import { DEFAULTS_OWNER, templateConfigPath } from './template-parameters';

/**
 * The msgtypes whose body is markdown-like, so a template can write it (issue 12, "Where
 * template output goes"). Data here, so that loading settings pulls in no renderer; the
 * templated renderers (lib/templates/templated-platforms.ts) take exactly these
 * (test/settings/templates-settings.test.ts).
 */
export const TEMPLATE_MSGTYPES: Readonly<Record<PlatformName, readonly PlatformMsgType[]>> = {
  dingtalk: ['markdown', 'actionCard'],
  feishu: ['interactive', 'interactive2'],
  wecom: ['markdown', 'markdown_v2'],
};

export function takesTemplates(platform: PlatformName, msgtype: string): boolean {
  return (TEMPLATE_MSGTYPES[platform] as readonly string[]).includes(msgtype);
}

/** Every owner of templates other than `defaults` must be a robot with a webhook. */
export function checkTemplateOwners(
  configured: ConfiguredTemplates,
  robotNames: readonly string[],
  problems: Problems,
): void {
  for (const owner of configured.sets.keys()) {
    if (owner === DEFAULTS_OWNER || robotNames.includes(owner)) continue;
    const known = robotNames.length > 0 ? robotNames.join(', ') : '(none)';
    problems.push(
      `${templateConfigPath(owner)}: no robot ${describeName(owner)} (no robots/${owner}/webhook parameter); known: ${known}`,
    );
  }
}

/**
 * The templates one robot renders with: its own, else `defaults.templates` (issue 12: "for
 * every robot that sets none"). The defaults reach only robots whose msgtype takes a
 * template, as `defaults.msgtype` reaches only robots whose platform has it; a robot's own
 * templates on a `text`, Feishu `post` or WeCom `template_card` robot are a config error.
 */
export function robotTemplates(
  robot: { name: string; platform: PlatformName; msgtype: string },
  configured: ConfiguredTemplates,
  problems: Problems,
): TemplateSet | undefined {
  const own = robot.name === DEFAULTS_OWNER ? undefined : configured.sets.get(robot.name);
  const takes = takesTemplates(robot.platform, robot.msgtype);
  if (own !== undefined && !takes) {
    const { label } = PLATFORM_CATALOG[robot.platform];
    const those = TEMPLATE_MSGTYPES[robot.platform].join(' and ');
    problems.push(
      `${templateConfigPath(robot.name)}: a ${label} robot with msgtype ${robot.msgtype} takes no template; ${those} do (remove its templates or change its msgtype)`,
    );
    return undefined;
  }
  return own ?? (takes ? configured.sets.get(DEFAULTS_OWNER) : undefined);
}
