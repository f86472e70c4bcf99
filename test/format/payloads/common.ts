/**
 * Small builders for Gitee payloads no real capture covers, shaped after
 * ../shared/docs/gitee-webhook-protocol.md §3 (only the fields the formatter reads, plus the
 * envelope the parser needs). Each returns a plain object for parsePayload().
 */
export type Payload = Record<string, unknown>;

export const REPO_URL = 'https://gitee.com/acme/api';

/** A 40-hex SHA made of one repeated digit, so tests can tell commits apart. */
export function sha(digit: number | string): string {
  return String(digit).repeat(40).slice(0, 40);
}

export function giteeUser(login: string, name: string = login): Payload {
  return {
    id: login.length,
    login,
    username: login,
    user_name: login,
    name,
    html_url: `https://gitee.com/${login}`,
    url: `https://gitee.com/${login}`,
  };
}

export function project(): Payload {
  return {
    id: 7,
    name: 'api',
    path: 'api',
    full_name: 'acme/api',
    path_with_namespace: 'acme/api',
    namespace: 'acme',
    html_url: REPO_URL,
    url: REPO_URL,
    default_branch: 'main',
    private: false,
  };
}

/** The fields every hook carries; the sender is alice (display name "Alice 王"). */
export function envelope(
  hookName: string,
  sender: Payload = giteeUser('alice', 'Alice 王'),
): Payload {
  return {
    hook_name: hookName,
    hook_id: 42,
    hook_url: `${REPO_URL}/hooks/42/edit`,
    password: '',
    sign: '',
    timestamp: '1700000000000',
    enterprise: null,
    repository: project(),
    project: project(),
    sender,
  };
}

export function label(name: string): Payload {
  return { id: name.length, name, color: 'DB2828' };
}
