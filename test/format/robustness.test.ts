import { MAX_MESSAGE_BYTES, messageBytes } from '../../lib/platforms/dingtalk/message';
import type { ParsedDelivery } from '../../lib/gitee/event';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import { fixtureNames, loadFixture } from '../helpers/fixtures';
import { parsePayload } from '../helpers/parse-fixture';
import { formatOptions, titleOf } from './message-parts';

/** What Gitee has been seen to send where something else was expected (protocol notes §4). */
const SURPRISES: unknown[] = [null, -1, 'x', [null], {}];

type Json = Record<string, unknown>;

/** Repository copies are the parser's business (lib/gitee/repository-ref.ts), not ours. */
const PARSER_OWNED = new Set(['repository', 'project', 'source_repo', 'target_repo']);

/** Every path to a value, two levels deep: `["pull_request", "labels"]`, … */
function paths(body: Json): string[][] {
  return Object.entries(body).flatMap(([key, value]) => [
    [key],
    ...(value && typeof value === 'object' && !Array.isArray(value) && !PARSER_OWNED.has(key)
      ? Object.keys(value).map((inner) => [key, inner])
      : []),
  ]);
}

function replaced(body: Json, [first, second]: string[], value: unknown): Json {
  if (first === undefined) return body;
  if (second === undefined) return { ...body, [first]: value };
  return { ...body, [first]: { ...(body[first] as Json), [second]: value } };
}

/** The parser rightly refuses some shapes (no `issue` object); the formatter gets the rest. */
function parsed(body: Json, headers: Record<string, string>): ParsedDelivery | null {
  try {
    return parsePayload(body, headers);
  } catch {
    return null;
  }
}

describe('formatMessage on payloads of surprising shape', () => {
  it.each(fixtureNames())(
    'formats %s with any one field null, a number, a string, an array or an object',
    (name) => {
      const body = loadFixture(name);
      const headers: Record<string, string> = name.startsWith('ping')
        ? { 'x-gitee-ping': 'true' }
        : {};
      let formatted = 0;
      for (const path of paths(body)) {
        for (const value of SURPRISES) {
          const delivery = parsed(replaced(body, path, value), headers);
          if (!delivery) continue;
          const message = formatMessage(delivery, formatOptions());
          expect(titleOf(message)).not.toBe('');
          expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
          formatted += 1;
        }
      }
      expect(formatted).toBeGreaterThan(0);
    },
  );
});
