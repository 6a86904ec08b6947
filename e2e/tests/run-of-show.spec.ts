import type { Page } from '@playwright/test';
import { command, connectObs, snapshot } from '../support/engine-api.ts';
import type { ShowInput } from '../../shared/show/schema.ts';
import { createScene, expect, programScene, test, watchPage } from '../support/fixtures.ts';

const MIN = 60_000;

function showFile(sceneA: string | null, sceneB: string | null): { format: string; version: number; show: ShowInput } {
  return {
    format: 'cuedeck.show',
    version: 1,
    show: {
      id: 'e2e-show',
      title: '秋季护肤专场 E2E',
      products: [{ id: 'p1', sku: 'SERUM-30', name: '精华液 30ml', listPrice: 199, dealPrice: 129, stock: 50, perCustomerLimit: 2 }],
      segments: [
        { id: 'open', kind: 'opening', title: '开场', plannedDurationMs: 2 * MIN, sceneName: sceneA, talkingPoints: '欢迎来到直播间！\n今天有限时秒杀。' },
        {
          id: 'demo',
          kind: 'product',
          title: '产品演示',
          plannedDurationMs: 5 * MIN,
          sceneName: sceneB,
          productIds: ['p1'],
          talkingPoints: '质地清爽，适合敏感肌。',
          flashSales: [{ id: 'sale1', productId: 'p1', dealPrice: 99, quantity: 10, perCustomerLimit: 2, warmupMs: 10_000, durationMs: MIN, start: { mode: 'manual' } }],
        },
        { id: 'close', kind: 'closing', title: '收尾', plannedDurationMs: MIN },
      ],
    },
  };
}

async function importFile(page: Page, testId: string, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(content) });
}

test.beforeEach(async ({ obsAdmin }) => {
  await obsAdmin.call('SetStudioModeEnabled', { studioModeEnabled: false });
  await obsAdmin.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
});

test('import a show, run it: the linked scene switches in OBS, the streamer sees the flash sale countdown', async ({ page, engine, browser, obsAdmin, obsInfo }) => {
  const sceneA = await createScene(obsAdmin, 'Opening cam');
  const sceneB = await createScene(obsAdmin, 'Demo cam');
  await connectObs(engine, obsInfo);

  await page.goto(`${engine.url}/show`);
  await importFile(page, 'import-json', 'show.json', JSON.stringify(showFile(sceneA, sceneB)));
  await expect(page.getByTestId('segment-row')).toHaveCount(3);
  await expect(page.locator('[data-testid="segment-row"][data-segment-id="demo"]')).toContainText('产品演示');

  const streamerContext = await browser.newContext();
  const streamer = await streamerContext.newPage();
  const problems: string[] = [];
  watchPage(streamer, problems);
  await streamer.goto(`${engine.url}/streamer`);

  await page.goto(`${engine.url}/producer`);
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-segment-title')).toHaveText('开场');
  await expect.poll(() => programScene(obsAdmin)).toBe(sceneA);
  await expect(streamer.getByTestId('prompter-segment')).toHaveText('开场');
  await expect(streamer.getByTestId('prompter-talking-points')).toContainText('今天有限时秒杀');

  await page.getByTestId('run-next').click();
  await expect(page.getByTestId('run-segment-title')).toHaveText('产品演示');
  await expect.poll(() => programScene(obsAdmin)).toBe(sceneB);

  await page.locator('[data-testid="sale-card"][data-plan-id="sale1"]').getByTestId('sale-open').click();
  await expect(page.locator('[data-testid="sale-card"][data-plan-id="sale1"]')).toHaveAttribute('data-status', 'warmup');
  await expect(streamer.getByTestId('prompter-sale')).toBeVisible();
  const countdown = streamer.getByTestId('prompter-sale-countdown');
  await expect(countdown).toHaveText(/0:(0\d|10)/);
  await expect(streamer.getByTestId('prompter-sale-remaining')).toContainText('10');

  // Sales entered by hand run the stock down on every screen.
  const card = page.locator('[data-testid="sale-card"][data-plan-id="sale1"]');
  await expect(card).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  await card.getByTestId('sale-record-qty').fill('2');
  await card.getByTestId('sale-record-buyer').fill('buyer-1');
  await card.getByTestId('sale-record-submit').click();
  await expect(streamer.getByTestId('prompter-sale-remaining')).toContainText('8');
  await streamerContext.close();
  expect(problems).toEqual([]);
});

test('hold, extend and over-run: both views agree and change colour', async ({ page, engine, browser }) => {
  const file = showFile(null, null);
  expect(await command(engine, { type: 'show.replace', show: file.show })).toEqual({ ok: true });
  const streamerContext = await browser.newContext();
  const streamer = await streamerContext.newPage();
  await streamer.goto(`${engine.url}/streamer`);
  await page.goto(`${engine.url}/producer`);
  await page.getByTestId('run-start').click();

  const remaining = page.getByTestId('run-remaining');
  await expect(remaining).toHaveAttribute('data-state', 'normal');
  await page.getByTestId('run-hold').click();
  const held = await remaining.innerText();
  await page.waitForTimeout(1500);
  await expect(remaining).toHaveText(held); // a held clock does not move
  await expect(streamer.getByTestId('prompter-remaining')).toHaveText(held);
  await page.getByTestId('run-resume').click();

  await page.getByTestId('run-extend-minus').click(); // 2:00 → ≤1:00 left: last minute
  await expect(remaining).toHaveAttribute('data-state', 'warning');
  await expect(streamer.getByTestId('prompter-remaining')).toHaveAttribute('data-state', 'warning');
  await page.getByTestId('run-extend-minus').click(); // nothing left: over-run
  await expect(remaining).toHaveAttribute('data-state', 'over');
  await expect(streamer.getByTestId('prompter-remaining')).toHaveAttribute('data-state', 'over');
  await expect(remaining).toHaveText(/^\+/);

  await page.getByTestId('run-extend-plus').click();
  await page.getByTestId('run-extend-plus').click();
  await expect(remaining).toHaveAttribute('data-state', 'normal');
  const state = (await snapshot(engine)).state.run.run;
  expect(state.extensionsMs.open).toBe(0);
  await streamerContext.close();
});

test('an import with errors names the line and field and changes nothing', async ({ page, engine }) => {
  const before = (await snapshot(engine)).state.script.show;
  await page.goto(`${engine.url}/show`);
  const csv = ['kind,title,planned_minutes,talking_points,scene,camera_preset,products', 'opening,开场,2:00,,,,', 'product,,five,,,,', 'dance,收尾,1:00,,,,'].join('\n');
  await importFile(page, 'import-csv', 'show.csv', csv);
  const errors = page.getByTestId('import-error');
  await expect(errors.first()).toBeVisible();
  await expect(page.getByTestId('import-errors')).toContainText('line 3');
  await expect(page.getByTestId('import-errors')).toContainText('title');
  await expect(page.getByTestId('import-errors')).toContainText('line 4');
  expect((await snapshot(engine)).state.script.show).toEqual(before);
});

test('going live with banned words asks for confirmation first', async ({ page, engine }) => {
  const file = showFile(null, null);
  const opening = file.show.segments?.[0];
  if (opening) opening.talkingPoints = '全网最低价，加微信私聊';
  expect(await command(engine, { type: 'show.replace', show: file.show })).toEqual({ ok: true });
  await page.goto(`${engine.url}/producer`);
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('compliance-confirm')).toContainText('全网最低');
  await page.getByTestId('compliance-confirm-no').click();
  expect((await snapshot(engine)).state.run.run.status).toBe('idle');
  await page.getByTestId('run-start').click();
  await page.getByTestId('compliance-confirm-yes').click();
  await expect(page.getByTestId('run-segment-title')).toHaveText('开场');
});
