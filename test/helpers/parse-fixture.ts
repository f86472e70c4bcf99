import type { ParsedDelivery } from '../../lib/gitee/event';
import { parseGiteeDelivery } from '../../lib/gitee/parse';
import { giteeHeadersFor, loadFixture, readFixture } from './fixtures';

/** A real fixture as the handler sees it after verification: the typed delivery. */
export function parseFixture(name: string): ParsedDelivery {
  return parseGiteeDelivery({
    headers: giteeHeadersFor(loadFixture(name)),
    body: readFixture(name),
  });
}

/** A hand-written payload (for what no real capture covers) through the same parser. */
export function parsePayload(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): ParsedDelivery {
  return parseGiteeDelivery({
    headers: { ...giteeHeadersFor(body), ...headers },
    body: JSON.stringify(body),
  });
}
