import { createScene, expect, programScene, test, watchPage } from '../support/fixtures.ts';

test('a second browser sees the same state and follows changes made in the first', async ({ page, engine, browser, obsAdmin, obsInfo }) => {
  const scene = await createScene(obsAdmin, 'Two views');
  await page.goto(`${engine.url}/settings`);
  await page.getByTestId('obs-url').fill(obsInfo.url);
  await page.getByTestId('obs-password').fill(obsInfo.password);
  await page.getByTestId('obs-save').click();

  const other = await browser.newContext();
  const second = await other.newPage();
  const problems: string[] = [];
  watchPage(second, problems);
  await second.goto(`${engine.url}/producer`);
  await expect(second.getByTestId('obs-status')).toHaveAttribute('data-phase', 'connected');

  await page.goto(`${engine.url}/producer`);
  await page.locator(`[data-testid="scene-button"][data-scene-name="${scene}"]`).click();
  await expect.poll(() => programScene(obsAdmin)).toBe(scene);
  await expect(second.locator(`[data-testid="scene-button"][data-scene-name="${scene}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(second.getByTestId('show-title')).toHaveText(await page.getByTestId('show-title').innerText());
  await other.close();
  expect(problems).toEqual([]);
});

test('the interface switches between English and Chinese', async ({ page, engine }) => {
  await page.goto(`${engine.url}/producer`);
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('obs-status')).toContainText('Offline');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await expect(page.getByTestId('obs-status')).toContainText('离线');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('obs-status')).toContainText('离线');
});

test('the streamer view shows the show title and the engine connection', async ({ page, engine }) => {
  await page.goto(`${engine.url}/streamer`);
  await expect(page.getByTestId('streamer-connection')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('streamer-title')).not.toBeEmpty();
  await expect(page.locator('button, a, input, select')).toHaveCount(0);
});
