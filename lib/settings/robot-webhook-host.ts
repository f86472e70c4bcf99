import { isForbiddenHost } from '../http/forbidden-address';

/**
 * What is wrong with a robot webhook, judged from its text alone (no DNS at load), or null.
 * Checked on the parsed URL's hostname, so every spelling the WHATWG parser accepts (decimal,
 * hex or octal IPv4, IPv4-mapped IPv6, capitals, a trailing dot) is judged as what it reaches.
 * The transport checks again after DNS; loopback is allowed, for emulators. Never echoes the URL.
 */
export function robotWebhookProblem(webhook: string): string | null {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    return 'must be an http(s) URL';
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    return 'must be an http(s) URL';
  }
  if (isForbiddenHost(url.hostname)) {
    return 'must not point at a link-local or cloud metadata address (169.254.0.0/16, fe80::/10, metadata.*, 0.0.0.0, ::)';
  }
  return null;
}
