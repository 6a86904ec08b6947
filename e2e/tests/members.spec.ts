import type { SessionSummary } from '../../shared/protocol/index.ts';
import { command } from '../support/engine-api.ts';
import { expect, test } from '../support/fixtures.ts';
import type { TestEngine } from '../support/fixtures.ts';

const SHOW = {
  id: 'members-show',
  title: 'Members show',
  segments: [{ id: 'a', kind: 'opening' as const, title: 'Live', plannedDurationMs: 600_000 }],
};

async function sessions(engine: TestEngine): Promise<SessionSummary[]> {
  const response = await fetch(`${engine.url}/api/v1/sessions`, { headers: { Authorization: `Bearer ${engine.token}` } });
  return (await response.json()) as SessionSummary[];
}

async function recordShow(engine: TestEngine, rehearsal: boolean): Promise<string> {
  expect(await command(engine, { type: 'show.replace', show: SHOW })).toEqual({ ok: true });
  expect(await command(engine, { type: 'run.start', rehearsal, acknowledgeFlags: true })).toEqual({ ok: true });
  await new Promise((r) => setTimeout(r, 3000));
  expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
  const list = await sessions(engine);
  return list[0]?.id ?? '';
}

test('a simulated show feeds back once: members appear with figures, and comment badges show their tier', async ({ page, engine }) => {
  expect(await command(engine, { type: 'simulator.start', rate: 200, seed: 9 })).toEqual({ ok: true });
  const rehearsalId = await recordShow(engine, true);
  // Rehearsals never write member records.
  expect(await command(engine, { type: 'members.feedBack', sessionId: rehearsalId, dryRun: false })).toMatchObject({ ok: false });
  const showId = await recordShow(engine, false);

  await page.goto(`${engine.url}/members`);
  const panel = page.getByTestId('members-feedback');
  await panel.locator('select').first().selectOption(showId);
  await page.getByTestId('feedback-dry-run').click();
  await expect(panel).toContainText(/\d/);
  await page.getByTestId('feedback-apply').click();
  await expect(panel).toContainText(/applied|已回流|已应用/i);

  // The plan's member KPIs sit beside the tier shares, over the same members.
  const total = await page.getByTestId('tier-shares-total').getAttribute('data-total');
  await expect(page.getByTestId('member-health-note')).toContainText(` ${Number(total).toLocaleString('en')} members`);
  await expect(page.getByTestId('member-health-ltv')).toHaveText(/^(¥[\d,.]+|—)$/);

  // Applying again changes nothing.
  expect(await command(engine, { type: 'members.feedBack', sessionId: showId, dryRun: false })).toEqual({ ok: true });

  await page.getByTestId('members-search').fill('');
  const first = page.getByTestId('member-row').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByTestId('member-card')).toBeVisible();
  await expect(page.getByTestId('member-tier-history')).toBeVisible();

  // The same simulated audience keeps commenting: known viewers now carry a tier badge.
  await page.goto(`${engine.url}/feeds`);
  await expect(page.locator('[data-testid="comment-tier"][data-tier]:not([data-tier=""])').first()).toBeVisible({ timeout: 15_000 });
});

async function importCsv(engine: TestEngine, kind: string, text: string): Promise<void> {
  const response = await fetch(`${engine.url}/api/v1/members/import?kind=${kind}&mode=apply`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'text/csv' },
    body: text,
  });
  expect(response.status).toBe(200);
}

test('a temporary promotion lifts the effective tier until revoked; automatic tags show apart from manual ones', async ({ page, engine }) => {
  // C1 bought for 3200 yuan two days ago but has never watched a show: bronze by the rules, and automatically tagged
  // big spender and new buyer. C2 bought nothing.
  const paid = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await importCsv(engine, 'members', 'member_id,nickname,tags\r\nC1,Ann,vip-event\r\nC2,Bo,\r\n');
  await importCsv(engine, 'identities', 'member_id,platform,platform_user_id\r\nC1,douyin,ann_dy\r\nC2,douyin,bo_dy\r\n');
  await importCsv(engine, 'orders', `order_id,platform,platform_user_id,amount,status,paid_at\r\nA1,douyin,ann_dy,3200,paid,${paid}\r\n`);

  // The list carries the 12-month spend and the automatic tags, and filters by one.
  await page.goto(`${engine.url}/members`);
  const ann = page.locator('[data-testid="member-row"][data-member-id="C1"]');
  await expect(ann.getByTestId('member-row-spend')).toHaveAttribute('data-spend12m', '3200');
  await expect(ann.locator('[data-testid="member-auto-tag"][data-tag="big_spender"]')).toBeVisible();
  await page.getByTestId('members-auto-tag-filter').selectOption('big_spender');
  await expect(page.getByTestId('member-row')).toHaveCount(1);
  await expect(page.getByTestId('member-row').first()).toHaveAttribute('data-member-id', 'C1');

  // The card shows the automatic tags apart from the manual one.
  await ann.getByTestId('member-open').click();
  const card = page.getByTestId('member-card');
  await expect(card).toHaveAttribute('data-member-id', 'C1');
  const autoTags = page.getByTestId('member-auto-tags');
  await expect(autoTags.locator('[data-testid="member-auto-tag"]')).toHaveCount(2);
  await expect(autoTags.locator('[data-tag="new_buyer"]')).toBeVisible();
  await expect(page.getByTestId('member-tag')).toHaveText(['vip-event']);
  const badge = page.getByTestId('member-tier-badge');
  await expect(badge).toHaveAttribute('data-tier', 'bronze');

  // Grant +1 tier for the festival from the member card: the effective tier becomes silver at once.
  await page.getByTestId('member-promotion-form-reason').fill('618 festival');
  await page.getByTestId('member-promotion-form-submit').click();
  await expect(page.getByTestId('member-promotion-form-done')).toBeVisible();
  await expect(badge).toHaveAttribute('data-tier', 'silver');
  await expect(card).toHaveAttribute('data-computed-tier', 'bronze');
  await expect(page.getByTestId('member-tier-promoted')).toContainText('618 festival');
  const promotion = page.getByTestId('member-promotion');
  await expect(promotion).toHaveAttribute('data-status', 'active');
  await expect(page.locator('[data-testid="member-tier-history"][data-kind="promotion"]').first()).toHaveAttribute('data-to', 'silver');

  // Revoke it: back to bronze, and the revocation is in the history too.
  await promotion.getByTestId('promotion-revoke').click();
  await page.getByTestId('confirm-yes').click();
  await expect(badge).toHaveAttribute('data-tier', 'bronze');
  await expect(page.getByTestId('member-promotion')).toHaveCount(0);
  await expect(page.locator('[data-testid="member-tier-history"][data-kind="promotion"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="member-tier-history"][data-kind="promotion"]').first()).toHaveAttribute('data-to', 'bronze');

  // A selection grant from the overview: every big spender to VIP; the share chart counts C1 as a promoted VIP.
  await page.getByTestId('member-back').click();
  const panel = page.getByTestId('promotions-panel');
  await panel.getByTestId('promotion-select-auto-tag').selectOption('big_spender');
  await expect(panel.getByTestId('promotion-selection-count')).toHaveAttribute('data-count', '1');
  await panel.getByTestId('selection-promotion-form-lift').selectOption('vip');
  await panel.getByTestId('selection-promotion-form-reason').fill('Double 11 big spenders');
  await panel.getByTestId('selection-promotion-form-submit').click();
  await page.getByTestId('confirm-yes').click();
  await expect(panel.getByTestId('promotion-grant')).toHaveCount(1);
  await expect(page.getByTestId('tier-shares-total')).toHaveAttribute('data-promoted', '1');
  await expect(page.locator('[data-testid="tier-share"][data-tier="vip"]')).toHaveAttribute('data-count', '1');
  await expect(page.locator('[data-testid="tier-share"][data-tier="vip"]')).toHaveAttribute('data-promoted', '1');
  await page.getByTestId('members-auto-tag-filter').selectOption('');
  await expect(ann).toHaveAttribute('data-tier', 'vip');
  await expect(ann.getByTestId('member-row-promoted')).toBeVisible();

  // Revoked from the list: C1 is bronze again everywhere.
  await panel.getByTestId('promotion-grant').getByTestId('promotion-revoke').click();
  await page.getByTestId('confirm-yes').click();
  await expect(panel.getByTestId('promotions-none')).toBeVisible();
  await expect(page.getByTestId('tier-shares-total')).toHaveAttribute('data-promoted', '0');
  await expect(ann).toHaveAttribute('data-tier', 'bronze');
});
