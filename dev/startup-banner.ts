import { relative } from 'node:path';
import { describeRobots } from './emulated-robots';
import { describeSamplesDir, type SamplesDir } from './local-paths';
import { describeLoadProblem, loadSettingsFile } from './local-settings';
import type { LocalServer } from './local-server';

export interface BannerOptions {
  server: LocalServer;
  samples: SamplesDir;
  settingsPath: string;
  /** Paths are shown relative to it; default the current folder. */
  cwd?: string;
}

/**
 * What `npm start` prints once it listens: the robots of the settings file (where their
 * messages go, never a URL, token or secret) and the addresses to use. A file that does not
 * load is described by the settings validator's own words, which name paths, not values.
 */
export async function startupBanner(options: BannerOptions): Promise<string> {
  const { server, samples, settingsPath } = options;
  const cwd = options.cwd ?? process.cwd();
  const file = relative(cwd, settingsPath) || settingsPath;
  const lines = [''];
  if (server.createdSettings) {
    lines.push(
      `Created ${file} from settings.example.yml with a new Gitee secret and robot secrets.`,
      '  It is git-ignored. Edit it to change robots, keywords, routes or mentions: changes apply',
      '  within 2 s. Replace a webhook with a real DingTalk, Feishu or WeCom one (and its secret',
      '  where the app signs) to send to a real group.',
      '',
    );
  }
  try {
    const settings = await loadSettingsFile(settingsPath, server.port);
    lines.push(`Robots in ${file}:`, ...describeRobots(settings, server.port));
  } catch (error) {
    lines.push(`${file} does not load yet: ${describeLoadProblem(error)}`);
  }
  lines.push(
    '',
    ...describeMode(server),
    '',
    `Preview page      ${server.url}/`,
    `Gitee webhook     POST ${server.url}/webhooks/gitee   (signed with gitee.secret in ${file})`,
    `Health            GET  ${server.url}/health`,
    `Fates             GET  ${server.url}/playground/deliveries`,
    `Burst             POST ${server.url}/playground/burst?count=40   (40 tag pushes at once)`,
    `Emulators         POST ${server.url}/robot/send?access_token=…          (DingTalk)`,
    `                  POST ${server.url}/open-apis/bot/v2/hook/<token>      (Feishu)`,
    `                  POST ${server.url}/cgi-bin/webhook/send?key=<key>     (WeCom)`,
    `Samples           ${describeSamplesDir(samples, cwd)}`,
    '',
    `Send a sample:    ${server.port === 3000 ? '' : `PORT=${server.port} `}npm run send -- push-commits`,
    '',
  );
  return lines.join('\n');
}

/** Which delivery mode runs, and how to get the other one. */
function describeMode(server: LocalServer): string[] {
  if (server.deliveryMode === 'direct') {
    return [
      'Delivery          direct: each delivery is sent while Gitee waits, as DELIVERY_MODE=direct',
      '                  runs on AWS (npm start without --direct queues, paces and merges)',
    ];
  }
  return [
    'Delivery          queue: an embedded queue and pacing store in this process, and the',
    "                  deliver function's consumer: paced per robot, backlogs merged into digests",
    '                  (npm start -- --direct sends while Gitee waits instead)',
  ];
}
