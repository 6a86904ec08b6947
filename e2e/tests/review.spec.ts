import { command, snapshot } from '../support/engine-api.ts';
import { expect, test } from '../support/fixtures.ts';

const SHOW = {
  id: 'review-show',
  title: '复盘演示场',
  products: [{ id: 'p1', sku: 'SERUM-30', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
  segments: [
    { id: 'a', kind: 'opening' as const, title: '开场', plannedDurationMs: 60_000 },
    { id: 'b', kind: 'product' as const, title: '产品讲解', plannedDurationMs: 120_000, productIds: ['p1'] },
  ],
};

test('a recorded show is reviewed: figures, planned vs actual, comments around a moment, exports', async ({ page, engine }) => {
  expect(await command(engine, { type: 'show.replace', show: SHOW })).toEqual({ ok: true });
  expect(await command(engine, { type: 'simulator.start', rate: 150, seed: 5 })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.start', acknowledgeFlags: true })).toEqual({ ok: true });
  await page.waitForTimeout(2500);
  expect(await command(engine, { type: 'run.next' })).toEqual({ ok: true });
  await page.waitForTimeout(2500);
  expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
  expect((await snapshot(engine)).state.run.run.status).toBe('ended');

  await page.goto(`${engine.url}/review`);
  const row = page.getByTestId('session-row').first();
  await expect(row).toContainText('复盘演示场');
  await expect(row).toHaveAttribute('data-kind', 'broadcast');
  await row.click();
  await expect(page).toHaveURL(/\/review\/[\w-]+$/);

  await expect(page.getByTestId('review-kpi').first()).toBeVisible();
  await expect(page.getByTestId('review-chart').first()).toBeVisible();
  const segments = page.getByTestId('review-segment-row');
  await expect(segments).toHaveCount(2);
  await expect(segments.nth(0)).toContainText('开场');
  await expect(segments.nth(0)).toContainText('1:00');

  // Click a moment on a curve: the comments around it load.
  await page.getByTestId('review-chart-hit').first().click({ position: { x: 5, y: 10 } });
  await expect(page.getByTestId('review-comment').first()).toBeVisible();
  // ~5 s at 150 msg/s put several hundred comments in that minute: the first page, then the rest on request.
  await expect(page.getByTestId('review-comment')).toHaveCount(200);
  await page.getByTestId('review-comments-more').click();
  await expect.poll(() => page.getByTestId('review-comment').count()).toBeGreaterThan(200);
  const ids = await page.getByTestId('review-comment').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-id')));
  expect(new Set(ids).size).toBe(ids.length);

  // The broadcast was fed back into member records as it ended: its audience is there, by tier.
  const members = page.locator('[data-testid="review-audience-figure"][data-figure="members"] .review-kpi__value');
  await expect(members).toHaveText(/^[1-9][\d,]*$/);
  const tierCounts = await page.getByTestId('review-audience-tier').evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-count'))));
  expect(tierCounts.reduce((a, b) => a + b, 0)).toBe(Number((await members.innerText()).replace(/,/g, '')));
  // Its orders, double-checked against member records: what the feed counted is what the KPIs say (the simulator
  // refunds no earlier than 10 s after an order, and this show lasted 5 s).
  const liveOrders = page.locator('[data-testid="review-orders-check-row"][data-row="live"] td').first();
  await expect(liveOrders).toHaveText((await page.locator('[data-testid="review-kpi"][data-kpi="orders"] .review-kpi__value').innerText()).trim());

  // Costs make an ROI; with these sales it is below the plan's 1.5 : 1 and shown red.
  await page.getByTestId('review-costs').fill('100000');
  await page.getByTestId('review-costs-save').click();
  await expect(page.getByTestId('review-roi')).toHaveAttribute('data-level', 'red');

  const download = page.waitForEvent('download');
  await page.getByTestId('export-segments-csv').click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString('utf8')).toContain('产品讲解');
});

test('rehearsals are marked in the sessions list', async ({ page, engine }) => {
  expect(await command(engine, { type: 'show.replace', show: SHOW })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.start', rehearsal: true, acknowledgeFlags: true })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
  await page.goto(`${engine.url}/review`);
  const row = page.getByTestId('session-row').first();
  await expect(row).toHaveAttribute('data-kind', 'rehearsal');
  await expect(row.getByTestId('session-kind-badge')).toBeVisible();
  await row.getByTestId('session-open').click();
  await expect(page.getByTestId('review-audience-none')).toContainText(/never write member records/);
});

test('a rehearsal can be deleted after a confirmation; a broadcast already in member records is kept and the reason shown', async ({ page, engine, pageProblems }) => {
  expect(await command(engine, { type: 'show.replace', show: SHOW })).toEqual({ ok: true });
  expect(await command(engine, { type: 'simulator.start', rate: 100, seed: 8 })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.start', acknowledgeFlags: true })).toEqual({ ok: true });
  await page.waitForTimeout(1000);
  expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.reset' })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.start', rehearsal: true, acknowledgeFlags: true })).toEqual({ ok: true });
  await page.waitForTimeout(1000);
  expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });

  await page.goto(`${engine.url}/review`);
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  await page.locator('[data-testid="session-row"][data-kind="rehearsal"]').getByTestId('session-open').click();
  await page.getByTestId('review-delete').click();
  // Cancel keeps it.
  await page.getByTestId('confirm-no').click();
  await page.getByTestId('review-back').click();
  await expect(rows).toHaveCount(2);

  await page.locator('[data-testid="session-row"][data-kind="rehearsal"]').getByTestId('session-open').click();
  await page.getByTestId('review-delete').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-kind', 'broadcast');

  // The broadcast was fed back into member records when it ended: deleting it is refused with the reason.
  await rows.first().getByTestId('session-open').click();
  await page.getByTestId('review-delete').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('review-delete-error')).toContainText(/member records/);
  // Chromium logs the refused request itself; that one line is expected, anything else still fails the test.
  const refused = pageProblems.findIndex((p) => p.includes('409 (Conflict)'));
  expect(refused).toBeGreaterThanOrEqual(0);
  pageProblems.splice(refused, 1);
  await page.goto(`${engine.url}/review`);
  await expect(rows).toHaveCount(1);
});

test('two rehearsals of different scripts compared side by side: A is the earlier, B is judged against it', async ({ page, engine }) => {
  expect(await command(engine, { type: 'show.replace', show: SHOW })).toEqual({ ok: true });
  expect(await command(engine, { type: 'simulator.start', rate: 100, seed: 3 })).toEqual({ ok: true });
  for (const title of ['Script A', 'Script B']) {
    expect(await command(engine, { type: 'show.setTitle', title })).toEqual({ ok: true });
    expect(await command(engine, { type: 'run.start', rehearsal: true, acknowledgeFlags: true })).toEqual({ ok: true });
    await page.waitForTimeout(1200);
    expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
    expect(await command(engine, { type: 'run.reset' })).toEqual({ ok: true });
  }
  const list = (await (await fetch(`${engine.url}/api/v1/sessions`, { headers: { Authorization: `Bearer ${engine.token}` } })).json()) as { id: string; title: string }[];
  const idOf = (title: string) => list.find((s) => s.title === title)?.id ?? '';

  await page.goto(`${engine.url}/review`);
  await expect(page.getByTestId('review-ab-hint')).toBeVisible();
  const pick = (title: string) => page.getByTestId('session-row').filter({ hasText: title }).getByTestId('session-pick');
  // Ticked in the "wrong" order: the panel still puts the earlier show first.
  await pick('Script B').click();
  await expect(pick('Script B')).toBeChecked();
  await expect(page).toHaveURL(/\/review$/); // ticking does not open the show
  await pick('Script A').click();
  const panel = page.getByTestId('review-ab');
  await expect(panel).toHaveAttribute('data-a', idOf('Script A'));
  await expect(panel).toHaveAttribute('data-b', idOf('Script B'));
  await expect(panel.getByTestId('review-ab-row').filter({ hasText: 'Comments' }).first()).toBeVisible();
  await expect(page.getByTestId('review-ab-row')).toHaveCount(13);
  await page.getByTestId('review-ab-clear').click();
  await expect(panel).toHaveCount(0);
  await expect(pick('Script A')).not.toBeChecked();
});
