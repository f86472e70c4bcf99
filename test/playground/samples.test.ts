import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_MESSAGE_BYTES,
  messageBytes,
  type MsgType,
} from '../../lib/platforms/dingtalk/message';
import { formatMessage } from '../../lib/platforms/dingtalk/format';
import type { ParsedDelivery } from '../../lib/gitee/event';
import { parseGiteeDelivery } from '../../lib/gitee/parse';
import { silentLogger } from '../../lib/logger';
import { listFixtureNames, UnknownFixtureError } from '../../dev/fixture-files';
import { signDelivery } from '../../dev/gitee-delivery';
import {
  bundledSamplesDir,
  describeSamplesDir,
  samplesDirFromEnv,
  sharedFixturesDir,
} from '../../dev/local-paths';
import type { ContractMessage } from '../../dev/playground-feed';
import { explainSendFailure } from '../../dev/send';
import { sendPayload } from '../../dev/send-payload';
import { startLocalServer } from '../../dev/server';
import { FIXTURE_DIR } from '../helpers/fixtures';
import { formatOptions, linksOf, textOf, titleOf } from '../format/message-parts';
import { getJson, GITEE_SECRET, settledFates, testSettings } from './playground-harness';

/**
 * dev/samples/: Gitee payloads written for this project, so that a clone without
 * ../shared/fixtures/gitee still has a working sample panel and `npm run send -- push-commits`.
 */
const SAMPLES_DIR = bundledSamplesDir();
const PAYMENT = 'acme-dev/payment-api';
const CONSOLE = 'acme-dev/web-console';

interface Expected {
  kind: ParsedDelivery['kind'];
  /** The product's action name; null for the Test ping, which has none. */
  action: string | null;
  repository: string;
  /** What a reader must find in the zh-CN markdown besides the repository. */
  says: string[];
}

const EXPECTED: Record<string, Expected> = {
  'push-commits': {
    kind: 'push',
    action: 'push',
    repository: PAYMENT,
    says: ['张伟', '3 个提交', 'main', '支持部分退款', '李娜'],
  },
  'push-branch-create': {
    kind: 'push',
    action: 'create',
    repository: PAYMENT,
    says: ['李娜', 'feature/refund-notify'],
  },
  'push-branch-delete': {
    kind: 'push',
    action: 'delete',
    repository: PAYMENT,
    says: ['王芳', 'hotfix/callback-timeout'],
  },
  'tag_push-create': { kind: 'tag_push', action: 'create', repository: PAYMENT, says: ['v1.4.0'] },
  'tag_push-delete': {
    kind: 'tag_push',
    action: 'delete',
    repository: PAYMENT,
    says: ['v1.4.0-rc.1'],
  },
  'issue-open': {
    kind: 'issue',
    action: 'open',
    repository: CONSOLE,
    says: ['王芳', 'I7ABCD', '李娜', '订单', '复现步骤'],
  },
  'issue-state_change': {
    kind: 'issue',
    action: 'close',
    repository: CONSOLE,
    says: ['李娜', '关闭', 'I7ABCD'],
  },
  'issue-assign': {
    kind: 'issue',
    action: 'assign',
    repository: CONSOLE,
    says: ['张伟', '王芳', 'I7AC2M'],
  },
  'merge_request-open': {
    kind: 'pull_request',
    action: 'open',
    repository: PAYMENT,
    says: ['李娜', '!27', '张伟', '王芳', 'feature/refund-notify', 'main'],
  },
  'merge_request-update-source_branch_changed': {
    kind: 'pull_request',
    action: 'update',
    repository: PAYMENT,
    says: ['李娜', '!27', '推送了新提交'],
  },
  'merge_request-merge': {
    kind: 'pull_request',
    action: 'merge',
    repository: PAYMENT,
    says: ['张伟', '合并', '!27'],
  },
  'merge_request-close': {
    kind: 'pull_request',
    action: 'close',
    repository: PAYMENT,
    says: ['张伟', '!24', '未合并', '王芳'],
  },
  'note-issue': {
    kind: 'comment',
    action: 'comment',
    repository: CONSOLE,
    says: ['李娜', 'I7ABCD', 'Safari'],
  },
  'note-pull_request': {
    kind: 'comment',
    action: 'comment',
    repository: PAYMENT,
    says: ['张伟', '!27', '重试间隔'],
  },
  'note-commit': {
    kind: 'comment',
    action: 'comment',
    repository: PAYMENT,
    says: ['王芳', '的提交', 'RSA2'],
  },
  // The Test button's body is canned oschina/gitee data: the relay names the hook's repository.
  'ping-push_hooks': { kind: 'ping', action: null, repository: PAYMENT, says: ['已连通'] },
};
const NAMES = Object.keys(EXPECTED).sort();

function sampleText(name: string): string {
  return readFileSync(join(SAMPLES_DIR, `${name}.json`), 'utf8');
}

function sampleBody(name: string): Record<string, unknown> {
  return JSON.parse(sampleText(name)) as Record<string, unknown>;
}

/** As the relay sees it: signed with the headers `npm run send` sends, then parsed. */
function parseText(text: string): ParsedDelivery {
  const delivery = signDelivery(text, GITEE_SECRET, Date.UTC(2025, 2, 18, 2, 24, 37));
  return parseGiteeDelivery({ headers: delivery.headers, body: delivery.body });
}

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('dev/samples: the playground samples a fresh clone ships with', () => {
  it('are exactly the samples described here, under the real fixtures’ names', async () => {
    expect(await listFixtureNames(SAMPLES_DIR)).toEqual(NAMES);
    expect(NAMES).toContain('push-commits'); // the README's example
  });

  it.each(NAMES)('%s parses as the event it was written for', (name) => {
    const parsed = parseText(sampleText(name));
    const expected = EXPECTED[name]!;
    expect(parsed.kind).toBe(expected.kind);
    expect('action' in parsed ? parsed.action : null).toBe(expected.action);
    expect(parsed.repository.path).toBe(expected.repository);
    expect(parsed.repository.url).toBe(`https://gitee.com/${expected.repository}`);
  });

  const MSGTYPES: MsgType[] = ['markdown', 'actionCard', 'text'];
  it.each(NAMES.flatMap((name) => MSGTYPES.map((msgtype) => ({ name, msgtype }))))(
    '$name renders as a $msgtype message naming its repository',
    ({ name, msgtype }) => {
      const expected = EXPECTED[name]!;
      const message = formatMessage(parseText(sampleText(name)), formatOptions({ msgtype }));
      expect(titleOf(message)).toContain('Gitee');
      expect(textOf(message)).toContain(expected.repository);
      expect(messageBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      for (const link of linksOf(message)) {
        expect(new URL(link).origin).toBe('https://gitee.com');
      }
      if (msgtype === 'markdown') {
        const shown = `${titleOf(message)}\n${textOf(message)}`;
        for (const words of expected.says) expect(shown).toContain(words);
      }
    },
  );

  it.each(NAMES)('%s carries the envelope a real delivery has, and stays small', (name) => {
    const text = sampleText(name);
    const body = sampleBody(name);
    expect(Buffer.byteLength(text)).toBeLessThan(6 * 1024);
    expect(body).toMatchObject({ password: '', sign: '' });
    expect(body.timestamp).toMatch(/^\d{13}$/);
    expect(body.hook_url).toBe(
      `https://gitee.com/${EXPECTED[name]!.repository}/hooks/${String(body.hook_id)}/edit`,
    );
    expect(body.hook_name).toMatch(/^(push|tag_push|issue|merge_request|note)_hooks$/);
    expect(body.project).toEqual(body.repository);
    const repository = body.repository as Record<string, unknown>;
    for (const key of ['path_with_namespace', 'full_name', 'html_url', 'name', 'namespace']) {
      expect(typeof repository[key]).toBe('string');
    }
    expect(body.sender).toMatchObject({ login: expect.any(String), name: expect.any(String) });
  });

  it('keeps the quirks of Gitee’s push and tag payloads', () => {
    const zero = /^0+$/;
    const commits = sampleBody('push-commits');
    expect(commits).toMatchObject({ ref: 'refs/heads/main', total_commits_count: 3 });
    const messages = (commits.commits as Array<{ message: string }>).map((c) => c.message);
    expect(messages).toHaveLength(3);
    expect(messages.some((message) => message.trim().includes('\n'))).toBe(true);

    const created = sampleBody('push-branch-create');
    expect(created).toMatchObject({ created: true, deleted: false, commits: null });
    expect(created.before).toMatch(zero);
    expect(created.head_commit).not.toBeNull();

    const deleted = sampleBody('push-branch-delete');
    expect(deleted).toMatchObject({ deleted: true, commits: [], head_commit: null });
    expect(deleted.after).toMatch(zero);

    expect(sampleBody('tag_push-create')).toMatchObject({ ref: 'refs/tags/v1.4.0', commits: null });
    expect(sampleBody('tag_push-delete')).toMatchObject({ deleted: true, head_commit: null });
  });

  it('keeps the quirks of issues, pull requests, comments and the Test ping', () => {
    const issue = sampleBody('issue-open');
    expect(issue).toMatchObject({ action: 'open', iid: 'I7ABCD', issue: { number: 'I7ABCD' } });
    expect(sampleBody('issue-state_change')).toMatchObject({
      action: 'state_change',
      issue: { state: 'closed' },
    });

    expect(sampleBody('merge_request-open')).toMatchObject({
      action: 'open',
      number: 27,
      pull_request: { number: 27, head: { ref: 'feature/refund-notify' }, base: { ref: 'main' } },
    });
    const pr = sampleBody('merge_request-open').pull_request as Record<string, unknown[]>;
    expect(pr.assignees).toHaveLength(1);
    expect(pr.testers).toHaveLength(1);
    expect(sampleBody('merge_request-update-source_branch_changed')).toMatchObject({
      action: 'update',
      action_desc: 'source_branch_changed',
    });
    expect(sampleBody('merge_request-merge')).toMatchObject({
      state: 'merged',
      pull_request: { merged: true },
    });
    expect(sampleBody('merge_request-close')).toMatchObject({
      state: 'closed',
      pull_request: { merged: false },
    });

    expect(sampleBody('note-issue')).toMatchObject({ noteable_type: 'Issue', per_iid: '#I7ABCD' });
    expect(sampleBody('note-pull_request')).toMatchObject({
      noteable_type: 'PullRequest',
      per_iid: '!27',
    });
    const commitNote = sampleBody('note-commit');
    const commitId = (commitNote.comment as { commit_id: string }).commit_id;
    expect(commitNote.noteable_type).toBe('Commit');
    expect(commitId).toMatch(/^[0-9a-f]{40}$/);
    expect(commitId.startsWith(String(commitNote.short_commit_id))).toBe(true);

    expect(sampleBody('ping-push_hooks')).toMatchObject({
      hook_name: 'push_hooks',
      repository: { path_with_namespace: 'oschina/gitee' },
      sender: { login: 'robot' },
    });
  });
});

// Only where the real captures are present (dev machines, CI); a fresh clone has none.
const describeWithShared = existsSync(FIXTURE_DIR) ? describe : describe.skip;

describeWithShared('dev/samples next to the real captures in ../shared/fixtures/gitee', () => {
  const sharedFiles = existsSync(FIXTURE_DIR)
    ? readdirSync(FIXTURE_DIR).filter((file) => file.endsWith('.json'))
    : [];
  const shared = sharedFiles.map((file) => readFileSync(join(FIXTURE_DIR, file), 'utf8'));

  it('use the real fixtures’ names, so `npm run send -- <name>` works with either folder', () => {
    const real = sharedFiles.map((file) => file.replace(/\.json$/, ''));
    // No real capture of a commit comment exists (protocol notes §3.6).
    expect(NAMES.filter((name) => !real.includes(name))).toEqual(['note-commit']);
  });

  it.each(NAMES)('%s was written here, not copied from a capture', (name) => {
    const text = sampleText(name);
    const hashes = new Set(shared.map((file) => sha256(file)));
    expect(hashes.has(sha256(text))).toBe(false);

    // Near-copies would share commit SHAs, signatures or hook URLs with a capture.
    const theirs = new Set(
      shared.flatMap((file) => file.match(/\b[0-9a-f]{40}\b|"sign": "[^"]+"|\/hooks\/\d+/g) ?? []),
    );
    theirs.delete('0'.repeat(40));
    const ours = text.match(/\b[0-9a-f]{40}\b|"sign": "[^"]+"|\/hooks\/\d+/g) ?? [];
    expect(ours.filter((token) => theirs.has(token))).toEqual([]);

    const realPath = join(FIXTURE_DIR, `${name}.json`);
    if (!existsSync(realPath)) return;
    const real = readFileSync(realPath, 'utf8');
    expect(Math.abs(real.length - text.length)).toBeGreaterThan(200);
    expect(parseText(text).repository.path).not.toBe(parseText(real).repository.path);
    const repo = (body: Record<string, unknown>) =>
      (body.repository as { path_with_namespace?: string }).path_with_namespace;
    if (name !== 'ping-push_hooks') {
      // Both Test pings carry Gitee's canned oschina/gitee; the hook_url check above covers it.
      expect(repo(sampleBody(name))).not.toBe(repo(JSON.parse(real) as Record<string, unknown>));
    }
  });
});

describe('where the playground and `npm run send` find samples', () => {
  let root: string;
  let project: string;
  let sharedDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'samples-dir-'));
    project = join(root, 'gitee-dingtalk');
    mkdirSync(join(project, 'dev', 'samples'), { recursive: true });
    sharedDir = join(root, 'shared', 'fixtures', 'gitee');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('uses dev/samples in a fresh clone, where ../shared does not exist', () => {
    expect(samplesDirFromEnv({}, project)).toEqual({
      dir: join(project, 'dev', 'samples'),
      source: 'bundled',
    });
  });

  it('prefers the real captures in ../shared/fixtures/gitee when that folder exists', () => {
    mkdirSync(sharedDir, { recursive: true });
    expect(sharedFixturesDir(project)).toBe(sharedDir);
    expect(samplesDirFromEnv({}, project)).toEqual({ dir: sharedDir, source: 'shared' });
  });

  it('lets GITEE_SAMPLES_DIR override both, relative to the folder npm was run from', () => {
    mkdirSync(sharedDir, { recursive: true });
    const mine = join(root, 'my-payloads');
    mkdirSync(mine);
    expect(samplesDirFromEnv({ GITEE_SAMPLES_DIR: mine }, project)).toEqual({
      dir: mine,
      source: 'env',
    });
    expect(
      samplesDirFromEnv({ GITEE_SAMPLES_DIR: 'my-payloads', INIT_CWD: root }, project),
    ).toEqual({ dir: mine, source: 'env' });
    expect(samplesDirFromEnv({ GITEE_SAMPLES_DIR: '  ' }, project).source).toBe('shared');
  });

  it('refuses a GITEE_SAMPLES_DIR that is not a folder instead of quietly using another', () => {
    expect(() => samplesDirFromEnv({ GITEE_SAMPLES_DIR: join(root, 'nope') }, project)).toThrow(
      `GITEE_SAMPLES_DIR is not a folder: ${join(root, 'nope')}`,
    );
  });

  it('says in the startup banner which folder is used and why', () => {
    const bundled = samplesDirFromEnv({}, project);
    expect(describeSamplesDir(bundled, project)).toBe(
      'dev/samples (written for this project; ../shared/fixtures/gitee not found)',
    );
    mkdirSync(sharedDir, { recursive: true });
    expect(describeSamplesDir(samplesDirFromEnv({}, project), project)).toBe(
      '../shared/fixtures/gitee (real Gitee captures)',
    );
  });

  it('in this checkout: the shared captures when present, else dev/samples', () => {
    const expected = existsSync(FIXTURE_DIR) ? FIXTURE_DIR : SAMPLES_DIR;
    expect(samplesDirFromEnv({}).dir).toBe(join(expected));
    expect(samplesDirFromEnv({ GITEE_SAMPLES_DIR: SAMPLES_DIR }).dir).toBe(SAMPLES_DIR);
  });

  it('names the folder it searched when a sample is unknown', () => {
    const failure = new UnknownFixtureError('note-commit', ['push-commits'], sharedDir);
    const explained = explainSendFailure(failure, 'http://127.0.0.1:3000');
    expect(explained).toContain('"note-commit"');
    expect(explained).toContain(join('shared', 'fixtures', 'gitee'));
    expect(explained).toContain('GITEE_SAMPLES_DIR');
    expect(explained).toContain('  push-commits');
  });
});

describe('the playground serving dev/samples', () => {
  it('lists every sample and delivers each one, sent by `npm run send`, to the robots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-samples-'));
    const settingsPath = join(dir, 'settings.local.yml');
    const server = await startLocalServer({
      port: 0,
      settingsPath,
      fixturesDir: SAMPLES_DIR,
      logger: silentLogger,
    });
    try {
      await writeFile(settingsPath, testSettings(server.port));
      expect(await getJson<string[]>(`${server.url}/playground/fixtures`)).toEqual(NAMES);
      let clock = Date.now();
      for (const name of NAMES) {
        const { status, answer, eventKeys } = await sendPayload({
          serverUrl: server.url,
          settingsPath,
          fixturesDir: SAMPLES_DIR,
          target: name,
          // A second apart, so no two deliveries look like one repeated (same hook, same ms).
          now: () => (clock += 1000),
        });
        const { kind, action, repository } = EXPECTED[name]!;
        expect({ name, status, answer }).toMatchObject({
          name,
          status: kind === 'ping' ? 200 : 202,
          answer:
            kind === 'ping'
              ? { status: 'pong', event: 'ping', repository }
              : { status: 'queued', event: kind, action, repository },
        });
        const { deliveries } = answer as { deliveries: Array<{ ok?: boolean; queued?: boolean }> };
        if (kind === 'ping') {
          // The Test button's message is still sent while Gitee waits, after taking a slot.
          expect(deliveries.map((delivery) => delivery.ok)).toEqual([true, true, true]);
          continue;
        }
        expect(deliveries.map((delivery) => delivery.queued)).toEqual([true, true, true]);
        const fates = await settledFates(server.url, eventKeys);
        expect(fates.map((fate) => fate.fate)).toEqual(['sent', 'sent', 'sent']);
      }
      const messages = await getJson<ContractMessage[]>(`${server.url}/playground/messages`);
      expect(messages).toHaveLength(NAMES.length * 3);
      expect(messages.every((message) => message.errcode === 0)).toBe(true);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
