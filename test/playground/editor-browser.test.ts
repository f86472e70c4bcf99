import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { startPlayground, type Playground } from './playground-harness';

/** Debian's chromium package, as in browser.test.ts; playwright never downloads a browser. */
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
const inCi = process.env.CI === 'true';
const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable && !inCi) {
  console.warn(
    `Skipping the editor browser test: no ${CHROMIUM}. Install it: apt-get install chromium`,
  );
}
const describeInBrowser = browserAvailable || inCi ? describe : describe.skip;

let playground: Playground;
let profile: string;
let context: BrowserContext;
let page: Page;

const sample = (name: string): Locator =>
  page.locator(`#editor-previews .editor-preview[data-sample="${name}"]`);

async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

describeInBrowser('the template editor in a real browser', () => {
  beforeAll(async () => {
    if (!browserAvailable)
      throw new Error(`${CHROMIUM} is missing: .ci/run installs .ci/apt-packages`);
    playground = await startPlayground('example', { deliveryMode: 'direct' });
    profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    await page.goto(`${playground.server.url}/`);
    await page.locator('#editor-toggle').click();
    await expectVisible(page.locator('#editor-previews .editor-preview').first());
  });

  afterAll(async () => {
    await context?.close();
    await playground?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('renders a template as it is typed, against every push sample, in the DingTalk look', async () => {
    await page.locator('#editor-robot').selectOption('team');
    await page.locator('#editor-key').selectOption('push');
    await page.locator('#editor-title').fill('');
    await page.locator('#editor-text').fill('');
    await page
      .locator('#editor-text')
      .pressSequentially('**{{ actor.name }}** pushed to {{ branch }}');

    const commits = sample('push-commits');
    await expectVisible(commits.locator('.body', { hasText: 'kit101 pushed to feat-2-1' }));
    expect(await commits.locator('.bubble.dingtalk .body strong').textContent()).toBe('kit101');
    expect(await commits.getAttribute('data-kind')).toBe('templated');
    // Every push sample is there, and nothing of another event.
    expect(await sample('push-branch-create').count()).toBe(1);
    expect(await sample('tag_push-create').count()).toBe(0);
    expect(await page.locator('#editor-problems li').count()).toBe(0);
  });

  it('marks a typo at its line and column, in the list and in the gutter, and will not save it', async () => {
    await page.locator('#editor-text').press('End');
    await page.locator('#editor-text').press('Enter');
    await page.locator('#editor-text').pressSequentially('by {{ actor.name | upcse }}');

    const problem = page.locator('#editor-problems li[data-part="text"]');
    await expectVisible(problem);
    expect(await problem.getAttribute('data-line')).toBe('2');
    expect(await problem.getAttribute('data-column')).toBe('20');
    expect(await problem.textContent()).toContain(
      '正文 第 2 行，第 20 列：undefined filter: upcse',
    );
    expect(await problem.locator('.editor-frame').textContent()).toContain(
      '>> 2| by {{ actor.name | upcse }}',
    );
    await expectVisible(page.locator('#editor-gutter .error[data-line="2"]'));
    expect(await page.locator('#editor-gutter .error').count()).toBe(1);
    expect(await page.locator('#editor-save').isDisabled()).toBe(true);
  });

  it('clears the mark once the typo is fixed, and saves into settings.local.yml', async () => {
    await page
      .locator('#editor-text')
      .fill('**{{ actor.name }}** pushed to {{ branch }}\nby {{ actor.name | upcase }}');

    await expectVisible(sample('push-commits').locator('.body', { hasText: 'by KIT101' }));
    expect(await page.locator('#editor-problems li').count()).toBe(0);
    await page.locator('#editor-save').click();
    await expectVisible(page.locator('#editor-status', { hasText: '已保存到 settings.local.yml' }));

    const file = await readFile(playground.settingsPath, 'utf8');
    const settings = parse(file) as { robots: Record<string, { templates?: unknown }> };
    expect(settings.robots.team!.templates).toEqual({
      push: { text: '**{{ actor.name }}** pushed to {{ branch }}\nby {{ actor.name | upcase }}' },
    });
    expect(file).toContain('# A markdown robot with a signing secret and a custom keyword');
    expect(await page.locator('#editor-key option[value="push"]').textContent()).toBe('push ●');
  });

  it("shows a Feishu robot's title as its card's header", async () => {
    await page.locator('#editor-robot').selectOption('feishu');
    await page.locator('#editor-key').selectOption('tag_push');
    await page.locator('#editor-title').fill('Release {{ tag }}');
    await page.locator('#editor-text').fill('by **{{ actor.name }}**');

    const header = sample('tag_push-create').locator('.card-header');
    await expectVisible(header.getByText(/Release 1\.3/));
    await expectVisible(sample('tag_push-create').locator('.body strong', { hasText: 'kit101' }));
  });
});
