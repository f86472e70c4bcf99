/**
 * How `show` prints secrets: enough to recognise what is stored, nothing that works.
 * DingTalk signing secrets all start with "SEC", so that prefix gives nothing away.
 */
export function maskSecret(value: string): string {
  return value.startsWith('SEC') ? 'SEC…(masked)' : '(masked)';
}

/**
 * A webhook URL with every query value masked (DingTalk's access_token is the credential) and
 * any user:password dropped: `https://oapi.dingtalk.com/robot/send?access_token=<masked>`.
 */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return '(masked: not a URL)';
  }
  const credentials = url.username || url.password ? '<masked>@' : '';
  const query = [...url.searchParams.keys()].map((key) => `${key}=<masked>`).join('&');
  return `${url.protocol}//${credentials}${url.host}${url.pathname}${query ? `?${query}` : ''}`;
}
