/**
 * How `show` prints secrets: enough to recognise what is stored, nothing that works.
 * DingTalk signing secrets all start with "SEC", so that prefix gives nothing away.
 */
export function maskSecret(value: string): string {
  return value.startsWith('SEC') ? 'SEC…(masked)' : '(masked)';
}

/**
 * A webhook URL as its scheme and host only: `https://open.feishu.cn/<masked>`. Every other
 * part may be the credential: DingTalk's access_token is in the query, a Feishu hook id is
 * the path, a proxy's password is the userinfo.
 */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return '(masked: not a URL)';
  }
  if (url.host === '') return '(masked: not a URL with a host)';
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return `${url.protocol}//${url.host}/${bare ? '' : '<masked>'}`;
}
