import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from './scenario';
import { hostileTexts, MIB } from './format-texts';

type Json = Record<string, unknown>;

/** One adversarial delivery: a real fixture with one place holding hostile text. */
export interface CorpusEvent {
  name: string;
  /** The body as Gitee would post it, built on demand: a few MiB of text each once parsed. */
  body: () => string;
}

interface Place {
  /** How many times the place repeats its text (Gitee echoes a title or body at the top level). */
  copies: number;
  build: (text: string) => Json;
}

function fixture(name: string): Json {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Json;
}

function objectAt(body: Json, key: string): Json {
  return body[key] as Json;
}

/** A push fixture's first commit with another message. */
function commitWith(body: Json, message: string): Json {
  const [first] = body.commits as Json[];
  return { ...first, message };
}

/**
 * Where someone outside the team can put text: comment, issue and pull request bodies and
 * titles, branch and tag names, commit messages (one huge one, or a thousand long ones).
 */
const PLACES: Record<string, Place> = {
  'comment body': {
    copies: 2,
    build: (text) => {
      const body = fixture('note-pull_request');
      objectAt(body, 'comment').body = text;
      return { ...body, note: text };
    },
  },
  'issue body': {
    copies: 1,
    build: (text) => {
      const body = fixture('issue-open');
      objectAt(body, 'issue').body = text;
      return body;
    },
  },
  'issue title': {
    copies: 2,
    build: (text) => {
      const body = fixture('issue-open');
      objectAt(body, 'issue').title = text;
      return { ...body, title: text };
    },
  },
  'pull request body': {
    copies: 2,
    build: (text) => {
      const body = fixture('merge_request-open');
      objectAt(body, 'pull_request').body = text;
      return { ...body, body: text };
    },
  },
  'pull request title and branches': {
    copies: 6,
    build: (text) => {
      const body = fixture('merge_request-open');
      const pr = objectAt(body, 'pull_request');
      pr.title = text;
      objectAt(pr, 'head').ref = text;
      objectAt(pr, 'base').ref = text;
      return { ...body, title: text, source_branch: text, target_branch: text };
    },
  },
  'commit message': {
    copies: 2,
    build: (text) => {
      const body = fixture('push-commits');
      const commit = commitWith(body, text);
      return { ...body, commits: [commit], head_commit: commit, total_commits_count: 1 };
    },
  },
  'many commit messages': {
    // Up to a thousand commits, each about 2 KB: its own fields take about 1 KB of that.
    copies: 1,
    build: (text) => {
      const body = fixture('push-commits');
      const count = Math.max(1, Math.min(1000, Math.floor(text.length / COMMIT_ROOM / 2)));
      const message = text.slice(0, Math.floor(text.length / count / 2));
      const commits = Array.from({ length: count }, () => commitWith(body, message));
      return { ...body, commits, head_commit: commits[0], total_commits_count: count };
    },
  },
  'created branch name': {
    copies: 1,
    build: (text) => ({ ...fixture('push-branch-create'), ref: `refs/heads/${text}` }),
  },
  'tag name': {
    copies: 1,
    build: (text) => ({ ...fixture('tag_push-create'), ref: `refs/tags/${text}` }),
  },
};

/** The longest prefix of `text` whose JSON form takes about `bytes` bytes. */
function prefixOfBytes(text: string, bytes: number): string {
  const perChar = Buffer.byteLength(JSON.stringify(text), 'utf8') / Math.max(1, text.length);
  return text.slice(0, Math.max(1, Math.floor(bytes / perChar)));
}

/** Room a fixture takes in a body besides the hostile text (the largest is about 21 KB). */
const FIXTURE_ROOM = 32 * 1024;
const COMMIT_ROOM = 1024;

/**
 * Every hostile text in every place, each body just under `bytes` (by default 1 MiB,
 * MAX_BODY_BYTES' default: the largest body the relay reads at all).
 */
export function formatCorpus(bytes = MIB): CorpusEvent[] {
  const room = Math.max(0, bytes - FIXTURE_ROOM);
  const texts = Object.entries(hostileTexts(room));
  return Object.entries(PLACES).flatMap(([place, { copies, build }]) => {
    return texts.map(([textName, text]) => ({
      name: `${place}: ${textName}`,
      body: () => JSON.stringify(build(prefixOfBytes(text, room / copies))),
    }));
  });
}
