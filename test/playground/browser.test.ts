import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { startPlayground, type Playground } from './playground-harness';

/** Debian's chromium package (.ci/apt-packages); playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';
// Without the networking flags Chromium calls Google's hosts at start, which this sandbox refuses.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = join(__dirname, '..', '..', 'docs', 'playground.png');
const inCi = process.env.CI === 'true';

// Outside CI a machine without chromium skips with a reason; in CI a missing browser fails.
const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && !inCi) {
  console.warn(`Skipping the browser test: no ${CHROMIUM}. Install it: apt-get install chromium`);
}
const describeInBrowser = browserAvailable || inCi ? describe : describe.skip;

let playground: Playground;
let profile: string;
let context: BrowserContext;
let page: Page;

/** A bound, not a measure: 40 webhook requests and their digests on a busy shared machine. */
const SLOW_MS = 60_000;

/** The example settings' robots: two DingTalk, one Feishu, one WeCom. */
const EXAMPLE_ROBOTS = 4;

/**
 * Clicks a sample and waits, as the page shows it, for the answer (202 queued) and then for
 * every robot's fate to be "sent", so counts read afterwards are final.
 */
async function clickSample(name: string): Promise<void> {
  await page.locator(`button[data-fixture="${name}"]`).click();
  await page.locator('#last-send').getByText(name).waitFor();
  await expectVisible(page.locator('#last-send').getByText('HTTP 202 · queued'));
  const sent = page.locator('#last-send .fate[data-fate="sent"]');
  await sent.nth(EXAMPLE_ROBOTS - 1).waitFor({ timeout: SLOW_MS });
  expect(await sent.count()).toBe(EXAMPLE_ROBOTS);
}

describeInBrowser('the preview page in a real browser', () => {
  beforeAll(async () => {
    if (!browserAvailable)
      throw new Error(`${CHROMIUM} is missing: .ci/run installs .ci/apt-packages`);
    playground = await startPlayground('example');
    profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await playground?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('shows a sample clicked in the panel as each client draws it, side by side, live', async () => {
    await page.goto(`${playground.server.url}/`);
    await page.locator('#live[data-state="live"]').waitFor();
    await expectVisible(page.getByText('还没有消息'));

    await clickSample('push-commits');

    const dingtalk = column('dingtalk');
    const message = dingtalk.locator('.message[data-robot="team"]').first();
    await expectVisible(message.locator('.body h4'));
    await expectVisible(message.locator('.body a', { hasText: 'kit101/drone-yml-test' }));
    await expectVisible(message.locator('.notice', { hasText: 'team' }));
    await expectVisible(message.getByText('errcode 0'));
    const card = dingtalk.locator('.message[data-robot="cards"]').first();
    await expectVisible(card.locator('.card-button').first());
    await expectVisible(page.locator('#last-send .fate', { hasText: '已单独发送' }).first());

    // Feishu: the headline in the card's header, blue for a push, and a button to Gitee.
    const lark = column('feishu').locator('.message').first();
    const header = lark.locator('.card-header');
    await expectVisible(header.getByText(/推送了 1 个提交/));
    expect(await header.textContent()).toContain('Gitee');
    expect(dominant(await backgroundOf(header))).toBe('blue');
    const button = lark.locator('.card-actions .card-button').first();
    await expectVisible(button);
    expect(await button.getAttribute('href')).toMatch(
      /^https:\/\/gitee\.com\/kit101\/drone-yml-test\//,
    );
    await expectVisible(lark.getByText('code 0'));

    // WeCom: markdown with its heading and links.
    const wecom = column('wecom').locator('.message').first();
    await expectVisible(wecom.locator('.body h3', { hasText: '推送了 1 个提交' }));
    await expectVisible(wecom.locator('.body a', { hasText: 'kit101/drone-yml-test' }));
    await expectVisible(wecom.getByText('errcode 0'));
    await expectSideBySide(['dingtalk', 'feishu', 'wecom']);
  });

  it('puts the newest message first, highlights @所有人 and colours each header by its event', async () => {
    await clickSample('tag_push-create');

    const newest = column('dingtalk').locator('.message').first();
    await expectVisible(newest.locator('.mention', { hasText: '@所有人' }));
    expect(await column('dingtalk').locator('.message').count()).toBe(4);
    expect(await column('feishu').locator('.message').count()).toBe(2);

    await clickSample('merge_request-merge');

    const merged = column('feishu').locator('.message').first().locator('.card-header');
    await expectVisible(merged.getByText(/合并了/));
    expect(dominant(await backgroundOf(merged))).toBe('green');
  });

  it("shows WeCom's font colours: a sample's grey labels, and info green, comment grey, warning orange-red", async () => {
    await clickSample('merge_request-open');

    const labels = column('wecom').locator('.message').first().locator('.wecom-comment').first();
    await expectVisible(labels);
    expect(dominant(await colourOf(labels))).toBe('grey');
    if (process.env.UPDATE_SCREENSHOT === '1') await saveScreenshot();

    const content =
      '### Build\n<font color="info">passed</font> <font color="comment">in 3 min</font> <font color="warning">2 warnings</font>';
    expect(await postToWecom({ msgtype: 'markdown', markdown: { content } })).toMatchObject({
      errcode: 0,
    });
    const body = column('wecom').locator('.message').first().locator('.body');
    await expectVisible(body.getByText('passed'));
    expect(dominant(await colourOf(body.getByText('passed')))).toBe('green');
    expect(dominant(await colourOf(body.getByText('in 3 min')))).toBe('grey');
    expect(dominant(await colourOf(body.getByText('2 warnings')))).toBe('orange-red');
  });

  it("lists a sample's fate per robot in the fates panel, under its event", async () => {
    await page.locator('#clear').click();
    await page.locator('#fates-empty').waitFor({ state: 'visible' });

    await clickSample('issue-open');

    const row = page.locator('.fate-event').first();
    await expectVisible(row.locator('.fate-summary'));
    expect(await row.locator('.fate[data-fate="sent"]').count()).toBe(EXAMPLE_ROBOTS);
    expect(await page.locator('#mode').textContent()).toContain('队列模式');
  });

  it(
    'paces a burst of 40 tags and merges the backlog into digests, which events each',
    async () => {
      await page.locator('#burst').click();

      const result = page.locator('#burst-result[data-state]');
      await result.waitFor({ timeout: SLOW_MS });
      expect(await result.textContent()).toContain('HTTP 202 × 40');
      const merged = page.locator('.fate-list .fate[data-fate="merged"]').first();
      await merged.waitFor({ state: 'visible', timeout: SLOW_MS });
      expect(await merged.textContent()).toMatch(/已合并为摘要 · \d+ 个事件/);
      // Its tooltip names the events merged with it.
      expect(await merged.getAttribute('title')).toMatch(/这条摘要合并了：\n.*burst1-\d+/);
      // The digest itself, in DingTalk's column: one message listing several of the tags.
      const digest = column('dingtalk').locator('.message', {
        hasText: /burst1-\d+[\s\S]*burst1-\d+/,
      });
      await digest.first().waitFor({ state: 'visible', timeout: SLOW_MS });
      expect(await digest.first().locator('.verdict.ok').count()).toBe(1);
      // Paced under the platform's limit: no robot refused a message.
      expect(await page.locator('.verdict.bad').count()).toBe(0);
    },
    3 * SLOW_MS,
  );
});

function column(platform: string) {
  return page.locator(`.client[data-platform="${platform}"]`);
}

/** The columns are laid out left to right, each visible. */
async function expectSideBySide(platforms: string[]): Promise<void> {
  const boxes = [];
  for (const platform of platforms) {
    await expectVisible(column(platform));
    boxes.push(await column(platform).boundingBox());
  }
  const lefts = boxes.map((box) => box?.x ?? NaN);
  expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
  expect(new Set(boxes.map((box) => box?.y)).size).toBe(1);
}

/** The page's getComputedStyle; these tests compile without the DOM library. */
type ComputedStyleOf = (node: unknown) => Record<'color' | 'backgroundColor', string>;

function styleOf(locator: ReturnType<Page['locator']>, property: 'color' | 'backgroundColor') {
  return locator.evaluate(
    (node, name) =>
      (globalThis as unknown as { getComputedStyle: ComputedStyleOf }).getComputedStyle(node)[name],
    property,
  );
}

const backgroundOf = (locator: ReturnType<Page['locator']>) => styleOf(locator, 'backgroundColor');
const colourOf = (locator: ReturnType<Page['locator']>) => styleOf(locator, 'color');

/**
 * What a person would call a CSS colour: grey when its channels are close, else by the
 * strongest channel (a red with a strong green is orange-red).
 */
function dominant(css: string): string {
  const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
  if (Math.max(r, g, b) - Math.min(r, g, b) < 24) return 'grey';
  if (b > r && b > g) return 'blue';
  if (g > r && g > b) return 'green';
  return g > 60 && g > b ? 'orange-red' : 'red';
}

/** Posts to the example's WeCom robot as any tool would, its key read from the settings file. */
async function postToWecom(message: unknown): Promise<unknown> {
  const settings = parse(await readFile(playground.settingsPath, 'utf8')) as {
    robots: Record<string, { webhook: string }>;
  };
  const webhook = Object.values(settings.robots)
    .map((robot) => new URL(robot.webhook))
    .find((url) => url.pathname === '/cgi-bin/webhook/send');
  if (webhook === undefined) throw new Error('the example settings have no WeCom robot');
  const response = await fetch(`${playground.server.url}${webhook.pathname}${webhook.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  return response.json();
}

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5000 });
  expect(await locator.isVisible()).toBe(true);
}

/** docs/playground.png for the README: a pull request over a merge, a tag and a push. */
async function saveScreenshot(): Promise<void> {
  await page.waitForTimeout(1500); // let the arrival highlight fade
  await page.screenshot({ path: SCREENSHOT });
}
