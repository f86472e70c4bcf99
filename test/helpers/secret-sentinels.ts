/**
 * Obviously fake secrets to feed through every path that prints, logs or answers, then scan the
 * output for. Each is a prefix shorter than FRAGMENT_LENGTH ("test…", "SECtest") followed by
 * characters no message holds, so every 8-character piece of one is its own: finding a piece
 * in an output is a leak, never a coincidence.
 */
export const SENTINEL_SECRETS = {
  /** A Gitee signing secret (gitee/secret). */
  giteeSecret: 'testGs1Qv7Kd2Lp9Wx4Zr8Ny3Hs6Bt1Mf5Jc0Gu',
  /** The second line during a rotation. */
  giteeSecretNext: 'testGs2Yh3Fq8Ru1Ce6Tk0Wm4Ob9Xa2Sn7Dl5Pv',
  /** A Gitee WebHook password (password mode): short, as people choose them. */
  password: 'testPw9Hx4Nb7Rq2Zt',
  /** A DingTalk robot's signing secret: SEC and 64 characters. */
  dingtalkSecret: 'SECtest7c1e9a4f2b8d6c3e0a5f7b9d1c4e8a2f6b0d3c7e9a1f5b8d2c6e0a4f7b3d9',
  /** A DingTalk robot's access_token. */
  accessToken: 'testAt5d8a2c7f1e9b4d6a0c3f8e2b7d1a9c5f4e0b6d3a8c2f7e1b9d5',
  /** A Feishu custom bot's hook id (a UUID; 7e57 reads "test"): the credential is in the URL's path. */
  feishuHookId: 'f3e8a1d6-7e57-4b9c-8e2f-7a5d0c9b1e4f',
} as const;

export type SentinelName = keyof typeof SENTINEL_SECRETS;

/** Webhook URLs that carry the sentinels where real services put their credentials. */
export const SENTINEL_WEBHOOKS = {
  dingtalk: `https://oapi.dingtalk.com/robot/send?access_token=${SENTINEL_SECRETS.accessToken}`,
  feishu: `https://open.feishu.cn/open-apis/bot/v2/hook/${SENTINEL_SECRETS.feishuHookId}`,
  /** Basic-auth in the URL, as some proxies are reached. */
  userinfo: `https://ops:${SENTINEL_SECRETS.password}@hooks.example.test/send`,
} as const;

/**
 * A valid settings file holding every sentinel: a rotation in progress, a signed DingTalk robot,
 * a Feishu-style robot (token in the path) and a robot behind basic auth.
 */
export const SENTINEL_SETTINGS_FILE = `
gitee:
  secrets: [${SENTINEL_SECRETS.giteeSecret}, ${SENTINEL_SECRETS.giteeSecretNext}]
robots:
  backend:
    webhook: ${SENTINEL_WEBHOOKS.dingtalk}
    secret: ${SENTINEL_SECRETS.dingtalkSecret}
    keywords: [Gitee]
  feishu:
    webhook: ${SENTINEL_WEBHOOKS.feishu}
    keywords: [Gitee]
  proxied:
    webhook: "${SENTINEL_WEBHOOKS.userinfo}"
    keywords: [Gitee]
`;

/** Shorter pieces are too likely to be a coincidence; any longer piece holds one of these. */
export const FRAGMENT_LENGTH = 8;

export interface SecretFinding {
  sentinel: string;
  fragment: string;
  /** Which output (its index in the list given) holds it. */
  output: number;
}

/** Every sentinel (or FRAGMENT_LENGTH-character piece of one) found in the outputs. */
export function findSecretFragments(
  outputs: string | readonly string[],
  secrets: Readonly<Record<string, string>> = SENTINEL_SECRETS,
): SecretFinding[] {
  const texts = typeof outputs === 'string' ? [outputs] : outputs;
  const findings: SecretFinding[] = [];
  for (const [sentinel, secret] of Object.entries(secrets)) {
    texts.forEach((text, output) => {
      const fragment = fragmentsOf(secret).find((piece) => text.includes(piece));
      if (fragment !== undefined) findings.push({ sentinel, fragment, output });
    });
  }
  return findings;
}

/**
 * Throws, naming each sentinel and the output that holds a piece of it, when any output holds
 * any sentinel or a FRAGMENT_LENGTH-character piece of one. `label` says which run it was.
 */
export function assertNoSecrets(
  outputs: string | readonly string[],
  label = 'output',
  secrets: Readonly<Record<string, string>> = SENTINEL_SECRETS,
): void {
  const findings = findSecretFragments(outputs, secrets);
  if (findings.length === 0) return;
  const texts = typeof outputs === 'string' ? [outputs] : outputs;
  const lines = findings.map(
    ({ sentinel, fragment, output }) =>
      `  ${sentinel} (piece ${JSON.stringify(fragment)}) in output ${output}:\n${indent(texts[output] ?? '')}`,
  );
  throw new Error([`${label} leaks ${findings.length} secret(s):`, ...lines].join('\n'));
}

function fragmentsOf(secret: string): string[] {
  if (secret.length <= FRAGMENT_LENGTH) return [secret];
  return Array.from({ length: secret.length - FRAGMENT_LENGTH + 1 }, (_, start) =>
    secret.slice(start, start + FRAGMENT_LENGTH),
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
