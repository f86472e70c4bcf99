import { envelope, giteeUser, REPO_URL, sha, type Payload } from './common';

export interface CommitOptions {
  id?: string;
  message?: string;
  timestamp?: string;
  author?: Payload;
  committer?: Payload;
}

/** A commit as in `commits[]`: the author is a push-style user (name, username). */
export function commit(options: CommitOptions = {}): Payload {
  const id = options.id ?? sha(1);
  const author = options.author ?? { name: 'Alice 王', username: 'alice', email: 'a@example.com' };
  return {
    id,
    tree_id: sha('f'),
    message: options.message ?? 'Fix login\n\nLonger description.',
    timestamp: options.timestamp ?? '2021-10-08T17:53:12+08:00',
    url: `${REPO_URL}/commit/${id}`,
    author,
    committer: options.committer ?? author,
    added: [],
    removed: [],
    modified: ['README.md'],
  };
}

export interface PushOptions {
  ref?: string;
  before?: string;
  after?: string;
  commits?: Payload[] | null;
  headCommit?: Payload | null;
  total?: number | null;
  created?: boolean;
  deleted?: boolean;
  hookName?: 'push_hooks' | 'tag_push_hooks';
}

/** A push (or tag push) as Gitee sends it: `ref`, before/after, commits and counts. */
export function pushPayload(options: PushOptions = {}): Payload {
  const commits = options.commits === undefined ? [commit()] : options.commits;
  const before = options.before ?? sha(0).replace(/0/g, 'a');
  const after = options.after ?? sha(1);
  return {
    ...envelope(options.hookName ?? 'push_hooks'),
    ref: options.ref ?? 'refs/heads/main',
    before,
    after,
    created: options.created ?? false,
    deleted: options.deleted ?? false,
    compare: `${REPO_URL}/compare/${before}...${after}`,
    commits,
    head_commit: options.headCommit === undefined ? (commits?.at(-1) ?? null) : options.headCommit,
    total_commits_count: options.total === undefined ? (commits?.length ?? null) : options.total,
    commits_more_than_ten: (commits?.length ?? 0) > 10,
    user_name: 'Alice 王',
    user: { name: 'Alice 王', username: 'alice' },
    pusher: { name: 'Alice 王', username: 'alice' },
    sender: giteeUser('alice', 'Alice 王'),
  };
}
