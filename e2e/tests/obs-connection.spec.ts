import { createScene, expect, programScene, test } from '../support/fixtures.ts';
import type { Page } from '@playwright/test';

async function connectThroughSettings(page: Page, url: string, password: string): Promise<void> {
  await page.getByTestId('obs-url').fill(url);
  await page.getByTestId('obs-password').fill(password);
  await page.getByTestId('obs-save').click();
}

test('producer connects to a real OBS through the settings form and switches the program scene', async ({ page, engine, obsAdmin, obsInfo }) => {
  const target = await createScene(obsAdmin, 'Camera');
  const other = await createScene(obsAdmin, 'Product');
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: other });

  await page.goto(`${engine.url}/settings`);
  await connectThroughSettings(page, obsInfo.url, obsInfo.password);
  await expect(page.getByTestId('obs-password')).toHaveValue('');

  await page.goto(`${engine.url}/producer`);
  await expect(page.getByTestId('obs-status')).toHaveAttribute('data-phase', 'connected');
  const button = page.locator(`[data-testid="scene-button"][data-scene-name="${target}"]`);
  await expect(button).toBeVisible();
  await expect(page.locator(`[data-testid="scene-button"][data-scene-name="${other}"]`)).toHaveAttribute('aria-pressed', 'true');

  await button.click();
  await expect.poll(() => programScene(obsAdmin)).toBe(target);
  await expect(button).toHaveAttribute('aria-pressed', 'true');

  // A change made in OBS by someone else shows up without a click here.
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: other });
  await expect(page.locator(`[data-testid="scene-button"][data-scene-name="${other}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
});

test('the saved OBS password never reaches a view or the state API', async ({ page, engine, obsInfo, request }) => {
  await page.goto(`${engine.url}/settings`);
  await connectThroughSettings(page, obsInfo.url, obsInfo.password);
  await page.goto(`${engine.url}/producer`);
  await expect(page.getByTestId('obs-status')).toHaveAttribute('data-phase', 'connected');

  const state = await request.get(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } });
  expect(state.status()).toBe(200);
  const body = await state.text();
  expect(body).toContain('"hasPassword":true');
  expect(body).not.toContain(obsInfo.password);

  await page.goto(`${engine.url}/settings`);
  await expect(page.getByTestId('obs-password')).toHaveValue('');
  expect(await page.content()).not.toContain(obsInfo.password);
});

test('a wrong password shows a clear message and is not retried', async ({ page, engine, obsInfo }) => {
  await page.goto(`${engine.url}/settings`);
  await connectThroughSettings(page, obsInfo.url, 'definitely-not-the-password');
  await page.goto(`${engine.url}/producer`);
  const status = page.getByTestId('obs-status');
  await expect(status).toHaveAttribute('data-phase', 'offline');
  await expect(page.getByTestId('obs-status-reason')).toContainText(/password/i);
  // No automatic retry with a wrong password: the status stays put.
  await page.waitForTimeout(1500);
  await expect(status).toHaveAttribute('data-phase', 'offline');
  await expect(page.getByTestId('obs-status-reason')).not.toContainText(/retrying/i);
});

test('with OBS not running the console says offline and keeps working', async ({ page, engine, browser }) => {
  await page.goto(`${engine.url}/settings`);
  // A port nothing listens on.
  await connectThroughSettings(page, 'ws://127.0.0.1:9', 'x');
  await page.goto(`${engine.url}/producer`);
  await expect(page.getByTestId('obs-status')).toHaveAttribute('data-phase', /offline|connecting/);
  await expect(page.getByTestId('obs-status-reason')).toContainText(/127\.0\.0\.1:9/);

  // Everything else still works: rename the show and see it on the streamer view in another browser.
  const streamerContext = await browser.newContext();
  const streamer = await streamerContext.newPage();
  await streamer.goto(`${engine.url}/streamer`);
  await page.goto(`${engine.url}/settings`);
  await page.getByTestId('show-title-input').fill('Autumn skincare live');
  await page.getByTestId('show-title-save').click();
  await expect(streamer.getByTestId('streamer-title')).toHaveText('Autumn skincare live');
  await streamerContext.close();
});
