import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
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

async function clickSample(name: string): Promise<void> {
  await page.locator(`button[data-fixture="${name}"]`).click();
  await page.locator('#last-send').getByText(name).waitFor();
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

  it('shows a sample clicked in the panel as a rendered DingTalk message, live', async () => {
    await page.goto(`${playground.server.url}/`);
    await page.locator('#live[data-state="live"]').waitFor();
    await expectVisible(page.getByText('还没有消息'));

    await clickSample('push-commits');

    const message = page.locator('.message[data-robot="team"]').first();
    await expectVisible(message.locator('.body h4'));
    await expectVisible(message.locator('.body a', { hasText: 'kit101/drone-yml-test' }));
    await expectVisible(message.locator('.notice', { hasText: 'team' }));
    await expectVisible(message.getByText('errcode 0'));
    const card = page.locator('.message[data-robot="cards"]').first();
    await expectVisible(card.locator('.card-button').first());
    await expectVisible(page.locator('#last-send').getByText('HTTP 200'));
  });

  it('puts the newest message first and highlights @所有人 on a tag push', async () => {
    await clickSample('tag_push-create');

    const newest = page.locator('.message').first();
    await expectVisible(newest.locator('.mention', { hasText: '@所有人' }));
    expect(await page.locator('.message').count()).toBe(4);
    if (process.env.UPDATE_SCREENSHOT === '1') await saveScreenshot();
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5000 });
  expect(await locator.isVisible()).toBe(true);
}

/** docs/playground.png for the README: a pull request on top of a push and a tag. */
async function saveScreenshot(): Promise<void> {
  await clickSample('merge_request-open');
  await page.locator('.message').nth(5).waitFor();
  await page.waitForTimeout(1500); // let the arrival highlight fade
  await page.screenshot({ path: SCREENSHOT });
}
