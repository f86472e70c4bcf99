import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real Gitee payloads live beside the project, never inside it (see SOURCES.md there). */
export const FIXTURE_DIR = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'gitee');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8');
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFixture(name)) as Record<string, unknown>;
}

/** The headers Gitee sends with a delivery of this body (X-Gitee-Event as on real events). */
export function giteeHeadersFor(body: Record<string, unknown>): Record<string, string> {
  const events: Record<string, string> = {
    push_hooks: 'Push Hook',
    tag_push_hooks: 'Tag Push Hook',
    issue_hooks: 'Issue Hook',
    merge_request_hooks: 'Merge Request Hook',
    note_hooks: 'Note Hook',
  };
  const hookName = String(body.hook_name);
  const ping = body.repository !== undefined && isPingBody(body);
  return {
    'content-type': 'application/json',
    'user-agent': 'git-oschina-hook',
    'x-gitee-event': ping ? hookName : (events[hookName] ?? hookName),
    'x-gitee-ping': ping ? 'true' : 'false',
  };
}

/** Gitee's Test button sends canned data for repository oschina/gitee. */
function isPingBody(body: Record<string, unknown>): boolean {
  const repo = body.repository as { path_with_namespace?: string } | null;
  return repo?.path_with_namespace === 'oschina/gitee';
}
