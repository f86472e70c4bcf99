import { signedGiteeEvent } from '../helpers/api-gateway';
import { loadFixture } from '../helpers/fixtures';
import { GITEE_SECRET, startRelay } from '../helpers/relay-harness';

type Relay = Awaited<ReturnType<typeof startRelay>>;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

/** "e" plus a combining acute accent: one grapheme, two code units. */
const E_ACUTE = 'e\u0301';
/** A family emoji: one grapheme, eleven code units. */
const FAMILY = '👨‍👩‍👧‍👦';

let clock = Date.now() - 10 * 60_000;

function pushTo(repository: string, ref = 'refs/heads/main') {
  const body = loadFixture('push-commits');
  const project = { ...(body.repository as Record<string, unknown>) };
  project.path_with_namespace = repository;
  return signedGiteeEvent({
    body: { ...body, repository: project, project, ref },
    secret: GITEE_SECRET,
    timestamp: (clock += 1000),
  });
}

async function send(relay: Relay, event: ReturnType<typeof pushTo>) {
  const answer = await relay.handler(event);
  return {
    status: answer.statusCode,
    answer: JSON.parse(answer.body) as Record<string, string>,
    log: JSON.parse(relay.logs.at(-1)!) as Record<string, string>,
  };
}

describe('names echoed to Gitee and the log', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay({
      config:
        'robots:\n  team:\n    keywords: [Gitee]\nroutes:\n  - branches: [main]\n    robots: [team]\n',
    });
  });
  afterAll(() => relay.close());

  it('cuts a repository path of 300 graphemes to its first 200, then "…"', async () => {
    const path = `org/${E_ACUTE.repeat(148)}${FAMILY.repeat(148)}`;
    expect(graphemeCount(path)).toBe(300);
    const expected = `org/${E_ACUTE.repeat(148)}${FAMILY.repeat(48)}…`;
    const { status, answer, log } = await send(relay, pushTo(path));
    expect(status).toBe(200);
    expect(answer.repository).toBe(expected);
    expect(log.repository).toBe(expected);
  });

  it('keeps a repository path of exactly 200 graphemes whole', async () => {
    const path = `org/${FAMILY.repeat(196)}`;
    const { answer, log } = await send(relay, pushTo(path));
    expect(answer.repository).toBe(path);
    expect(log.repository).toBe(path);
  });

  it('cuts a 201-grapheme repository path to 200 graphemes and "…"', async () => {
    const { answer } = await send(relay, pushTo(`org/${'界'.repeat(197)}`));
    expect(answer.repository).toBe(`org/${'界'.repeat(196)}…`);
  });

  it('keeps the skip reason naming a 5,000-character branch within 200 graphemes and "…"', async () => {
    const branch = `feature/${'x'.repeat(5000)}`;
    const { status, answer, log } = await send(relay, pushTo('org/api', `refs/heads/${branch}`));
    expect(status).toBe(202);
    expect(answer.reason).toMatch(
      /^no route matches push\.push in org\/api \(branch feature\/x+…$/,
    );
    expect(graphemeCount(answer.reason!)).toBe(201);
    expect(log.reason).toBe(answer.reason);
  });
});
