import { command, snapshot } from '../support/engine-api.ts';
import { expect, test } from '../support/fixtures.ts';
import { freePort } from '../support/free-port.ts';
import { TestTikTokRelay } from '../support/tiktok-relay.ts';

/** Payloads that execute if any view ever treats outside text as markup; each sets a flag when it runs. */
/** Elements that exist only if a payload was parsed as markup (the page's own scripts live outside #root). */
const INJECTED = '#root script, #root img[src="x"], #root svg[onload]';
const XSS = ['<img src=x onerror="globalThis.__xss=1">', '<script>globalThis.__xss=2</script>', '<svg onload="globalThis.__xss=3">'];

test('outside text renders as text on every view: show script, comments, nicknames, pins, feed labels, review, member records and imports', async ({ page, engine, browser }) => {
  const show = {
    id: 'xss-show',
    title: `Show ${XSS[0]}`,
    products: [{ id: 'p1', sku: 'SKU-1', name: `Serum ${XSS[2]}`, listPrice: 10, dealPrice: 5, stock: 10, perCustomerLimit: 1 }],
    segments: [
      { id: 'a', kind: 'opening' as const, title: `Open ${XSS[1]}`, plannedDurationMs: 60_000, talkingPoints: XSS.join('\n'), productIds: ['p1'] },
    ],
  };
  expect(await command(engine, { type: 'show.replace', show })).toEqual({ ok: true });
  const relay = await TestTikTokRelay.start(await freePort());
  try {
    expect(
      await command(engine, { type: 'feeds.add', config: { id: 'tt', label: `TT ${XSS[1]}`, url: relay.url, platform: 'tiktok', protocol: 'tiktok', uniqueId: 'x' } }),
    ).toEqual({ ok: true });
    await expect.poll(() => relay.joined(), { timeout: 10_000 }).toBe(1);
    expect(await command(engine, { type: 'run.start', acknowledgeFlags: true })).toEqual({ ok: true });
    XSS.forEach((payload, i) => relay.emit('chat', { msgId: `x${i}`, comment: payload, userId: `u${i}`, uniqueId: `u${i}`, nickname: payload }));
    await expect.poll(async () => (await snapshot(engine)).state.feeds.metrics.comments).toBe(XSS.length);

    const streamerContext = await browser.newContext();
    const streamer = await streamerContext.newPage();
    await streamer.goto(`${engine.url}/streamer`);

    for (const path of ['/producer', '/show', '/feeds']) {
      await page.goto(`${engine.url}${path}`);
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), path).toBeUndefined();
      expect(await page.locator(INJECTED).count(), path).toBe(0);
    }
    // The comment with markup, pinned to the streamer, is shown literally there.
    await page.goto(`${engine.url}/feeds`);
    const row = page.getByTestId('comment-row').filter({ hasText: '<script>globalThis.__xss=2</script>' }).first();
    await expect(row).toBeVisible();
    await row.hover();
    await row.getByTestId('comment-pin').click();
    await expect(streamer.locator('.prompter__pinned-text')).toHaveText('<script>globalThis.__xss=2</script>');
    expect(await streamer.locator(INJECTED).count()).toBe(0);
    await expect(streamer.getByTestId('prompter-talking-points')).toContainText('<img src=x onerror=');
    expect(await streamer.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();

    expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
    await page.goto(`${engine.url}/review`);
    await expect(page.getByTestId('session-row').first()).toContainText('<img src=x onerror=');
    await page.getByTestId('session-row').first().click();
    await expect(page.getByTestId('review-segment-row').first()).toContainText('<script>');
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator(INJECTED).count()).toBe(0);
    await streamerContext.close();

    // Member records: nicknames fed back from the show, and a CSV import with markup in its nickname and tags.
    const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const [img, script, svg] = XSS as [string, string, string];
    const csv = `member_id,nickname,tags\r\nX1,${quoted(img)},${quoted(`${script}|${svg}`)}\r\n`;
    const imported = await fetch(`${engine.url}/api/v1/members/import?kind=members&mode=apply`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const memberCount = async () => ((await (await fetch(`${engine.url}/api/v1/members?q=`, { headers: { Authorization: `Bearer ${engine.token}` } })).json()) as unknown[]).length;
    await expect.poll(memberCount).toBe(XSS.length + 1);
    await page.goto(`${engine.url}/members`);
    await expect(page.getByTestId('member-row')).toHaveCount(XSS.length + 1);
    await expect(page.getByTestId('member-row').filter({ hasText: '<script>globalThis.__xss=2</script>' }).first()).toBeVisible();
    await page.locator('[data-testid="member-row"][data-member-id="X1"]').getByTestId('member-row-id').click();
    await expect(page.getByTestId('member-card')).toContainText('<svg onload=');
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator(INJECTED).count()).toBe(0);
  } finally {
    await relay.down();
  }
});
