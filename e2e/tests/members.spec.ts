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
