import type { SessionSummary } from '../../shared/protocol/index.ts';
import { command, snapshot } from '../support/engine-api.ts';
import { expect, test, type TestEngine } from '../support/fixtures.ts';
import { freePort } from '../support/free-port.ts';
import { TestTikTokRelay } from '../support/tiktok-relay.ts';

const chat = (msgId: string, comment: string, user = 'u1', nickname = 'Mei') => ({ msgId, comment, userId: user, uniqueId: user, nickname, createTime: String(Date.now()) });

test('a TikTok-protocol relay: comments appear, dedupe holds across a relay restart, hostile payloads are counted and shown as text', async ({ page, engine }) => {
  const relay = await TestTikTokRelay.start(await freePort());
  try {
    await page.goto(`${engine.url}/feeds`);
    const form = page.getByTestId('feed-add-form');
    await form.getByLabel(/id/i).first().fill('tt');
    await form.getByLabel(/label|name/i).first().fill('TikTok test relay');
    await form.getByLabel(/url/i).fill(relay.url);
    await form.getByLabel(/protocol/i).selectOption('tiktok');
    await form.getByLabel(/platform/i).selectOption('tiktok');
    await form.getByLabel(/handle|unique/i).fill('shop_live');
    await page.getByTestId('feed-add-submit').click();
    await expect(page.locator('[data-testid="feed-row"][data-feed-id="tt"]')).toContainText(/connected/i);
    await expect.poll(() => relay.joined()).toBe(1);

    relay.emit('chat', chat('m1', 'Hello from TikTok'));
    relay.emit('chat', chat('m2', 'how do I buy the serum?', 'u2', 'Ana'));
    await expect(page.getByTestId('comment-row').filter({ hasText: 'how do I buy the serum?' })).toBeVisible();

    // Restart the relay; it replays its buffer (m1, m2) and adds m3. Only m3 is new.
    await relay.down();
    await relay.up();
    await expect.poll(() => relay.joined(), { timeout: 20_000 }).toBe(1);
    relay.emit('chat', chat('m1', 'Hello from TikTok'));
    relay.emit('chat', chat('m2', 'how do I buy the serum?', 'u2', 'Ana'));
    relay.emit('chat', chat('m3', 'after the restart', 'u3', 'Li'));
    await expect(page.getByTestId('comment-row').filter({ hasText: 'after the restart' })).toBeVisible();
    await expect.poll(async () => (await snapshot(engine)).state.feeds.metrics.comments).toBe(3);
    await expect(page.getByTestId('comment-row').filter({ hasText: 'Hello from TikTok' })).toHaveCount(1);

    // Hostile input: markup stays text, malformed payloads are counted by reason.
    relay.emit('chat', chat('x1', '<img src=x onerror="window.__xss=1">', 'u4', '<script>window.__xss=2</script>'));
    relay.emit('chat', { msgId: 'x2', comment: 42, userId: 'u5' });
    relay.emit('chat', null);
    relay.emit('chat', { msgId: 'x3', comment: 'x'.repeat(50_000), userId: 'u6' });
    relay.emit('roomUser', { viewerCount: 'lots' });
    const hostile = page.getByTestId('comment-row').filter({ hasText: '<img src=x onerror=' });
    await expect(hostile).toBeVisible();
    await expect(hostile).toContainText('<script>window.__xss=2</script>');
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-testid="comment-row"] img, [data-testid="comment-row"] script').count()).toBe(0);
    await expect(page.locator('[data-testid="feed-row"][data-feed-id="tt"]').getByTestId('feed-rejected')).not.toHaveText(/^\D*0\D*$/);
    // null, a number as text, a 50,000-character comment, a viewer count that is not a number.
    const rejected = async () => {
      const diagnostics = (await snapshot(engine)).state.feeds.diagnostics.find((d) => d.feedId === 'tt');
      return Object.values(diagnostics?.rejected ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    };
    await expect.poll(rejected).toBeGreaterThanOrEqual(4);
  } finally {
    await relay.down();
  }
});

test('the simulator from the UI: comments flow, a pinned question reaches the streamer, orders run a flash sale down', async ({ page, engine, browser }) => {
  const show = {
    id: 'sim-show',
    title: 'Rehearsal',
    products: [{ id: 'p1', sku: 'SERUM-30', name: 'Serum', listPrice: 199, dealPrice: 99, stock: 100, perCustomerLimit: 2 }],
    segments: [
      {
        id: 's1',
        kind: 'product' as const,
        title: 'Serum',
        plannedDurationMs: 600_000,
        productIds: ['p1'],
        flashSales: [{ id: 'f1', productId: 'p1', dealPrice: 79, quantity: 30, perCustomerLimit: 2, warmupMs: 10_000, durationMs: 60_000, start: { mode: 'manual' as const } }],
      },
    ],
  };
  expect(await command(engine, { type: 'show.replace', show })).toEqual({ ok: true });
  await page.goto(`${engine.url}/feeds`);
  await page.getByTestId('simulator-rate').fill('100');
  await page.getByTestId('simulator-start').click();
  await expect(page.getByTestId('simulator-status')).toContainText(/running|运行/i);
  await expect.poll(async () => (await snapshot(engine)).state.feeds.metrics.comments, { timeout: 10_000 }).toBeGreaterThan(10);

  // Pin a question from the producer view's panel.
  await page.goto(`${engine.url}/producer`);
  await page.getByTestId('comments-filter').first().waitFor();
  const question = page.locator('[data-testid="comment-row"][data-question="true"]').last();
  await question.hover();
  const text = await question.innerText();
  await question.getByTestId('comment-pin').click();
  const pinned = (await snapshot(engine)).state.feeds.pinned[0];
  expect(pinned).toBeDefined();
  expect(text).toContain(pinned?.text.slice(0, 10) ?? '');
  const streamerContext = await browser.newContext();
  const streamer = await streamerContext.newPage();
  await streamer.goto(`${engine.url}/streamer`);
  await expect(streamer.getByTestId('prompter-pinned')).toContainText(pinned?.text.slice(0, 10) ?? '');

  await page.mouse.move(0, 0);
  await page.getByTestId('run-rehearsal').check();
  await page.getByTestId('run-start').click();
  const card = page.locator('[data-testid="sale-card"][data-plan-id="f1"]');
  await card.getByTestId('sale-open').click();
  await expect(card).toHaveAttribute('data-status', 'soldout', { timeout: 30_000 });
  await expect(card.getByTestId('sale-remaining')).toContainText('0');
  await expect(streamer.getByTestId('prompter-sale-remaining')).toContainText('0');
  // The orders that ran the sale down show in the producer's top strip too, beside GMV.
  await expect(page.getByTestId('ticker-orders')).not.toHaveText('0');
  await expect(page.getByTestId('ticker-gmv')).toHaveText(/[1-9]/);
  await streamerContext.close();
});

/** A TikTok-protocol test relay the engine has joined as feed "tt" (room "shop"). */
async function tiktokFeed(engine: TestEngine): Promise<TestTikTokRelay> {
  const relay = await TestTikTokRelay.start(await freePort());
  expect(
    await command(engine, { type: 'feeds.add', config: { id: 'tt', label: 'TikTok', url: relay.url, platform: 'tiktok', protocol: 'tiktok', uniqueId: 'shop' } }),
  ).toEqual({ ok: true });
  await expect.poll(() => relay.joined(), { timeout: 10_000 }).toBe(1);
  return relay;
}

test('a red audience light alerts the producer, and the streamer too once the producer chooses so', async ({ page, engine, browser }) => {
  const relay = await tiktokFeed(engine);
  try {
    const streamerContext = await browser.newContext();
    const streamer = await streamerContext.newPage();
    await streamer.goto(`${engine.url}/streamer`);
    await page.goto(`${engine.url}/feeds`);

    relay.emit('roomUser', { viewerCount: 2000 });
    await expect(page.locator('[data-testid="metric-light"][data-metric="viewers"]')).toHaveAttribute('data-level', 'green');
    relay.emit('roomUser', { viewerCount: 900 }); // down 55 % within two minutes
    await expect(page.locator('[data-testid="metric-light"][data-metric="viewers"]')).toHaveAttribute('data-level', 'red');
    await expect(page.getByTestId('metric-light-alert').first()).toBeVisible();
    await expect(streamer.getByTestId('prompter-alert')).toHaveCount(0); // not chosen yet
    // The producer's top strip carries the worst audience light, visible whatever the columns scroll to.
    const producer = await browser.newPage();
    await producer.goto(`${engine.url}/producer`);
    await expect(producer.getByTestId('audience-light')).toHaveAttribute('data-level', 'red');
    await expect(producer.getByTestId('audience-light')).toHaveAttribute('data-metric', 'viewers');
    await expect(producer.getByTestId('audience-light')).toBeInViewport();
    await producer.close();

    // The box shows the engine's setting, so it changes once the engine has it: click, then wait for the state.
    const toggle = page.getByTestId('metrics-streamer-alerts');
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(streamer.getByTestId('prompter-alert')).toHaveAttribute('data-metric', 'viewers');
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect(streamer.getByTestId('prompter-alert')).toHaveCount(0);
    await streamerContext.close();
  } finally {
    await relay.down();
  }
});

/** Member records through the HTTP API: a CSV import, applied. */
async function importCsv(engine: TestEngine, kind: 'orders' | 'community', csv: string): Promise<void> {
  const response = await fetch(`${engine.url}/api/v1/members/import?kind=${kind}&mode=apply`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function getJson<T>(engine: TestEngine, path: string): Promise<T> {
  const response = await fetch(`${engine.url}${path}`, { headers: { Authorization: `Bearer ${engine.token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

test('a VIP is highlighted to the producer the moment they enter, before they say anything', async ({ page, engine }) => {
  const relay = await tiktokFeed(engine);
  try {
    const show = { id: 'vip-show', title: 'VIP show', segments: [{ id: 's1', kind: 'opening' as const, title: 'Live', plannedDurationMs: 600_000 }] };
    expect(await command(engine, { type: 'show.replace', show })).toEqual({ ok: true });

    // Make "vip-1" a VIP the way a shop does: a broadcast they took part in, fed back, then their spend and
    // community activity imported (VIP: spend > 5,000, interaction rate > 30 %, community activities > 10).
    expect(await command(engine, { type: 'run.start', rehearsal: false, acknowledgeFlags: true })).toEqual({ ok: true });
    relay.emit('chat', chat('v0', 'hello again', 'vip-1', 'Golden Mei'));
    await expect.poll(async () => (await snapshot(engine)).state.feeds.metrics.comments).toBe(1);
    expect(await command(engine, { type: 'run.end' })).toEqual({ ok: true });
    const [session] = await getJson<SessionSummary[]>(engine, '/api/v1/sessions');
    expect(await command(engine, { type: 'members.feedBack', sessionId: session?.id ?? '', dryRun: false })).toEqual({ ok: true });
    const [member] = await getJson<{ id: string }[]>(engine, '/api/v1/members?q=vip-1');
    const now = String(Date.now());
    await importCsv(engine, 'orders', `order_id,platform,platform_user_id,amount,status,paid_at\nVIP-ORDER-1,tiktok,vip-1,6000.00,paid,${now}\n`);
    await importCsv(engine, 'community', `member_id,count,as_of\n${member?.id ?? ''},12,${now}\n`);
    expect((await getJson<{ tier: string }>(engine, `/api/v1/members/${encodeURIComponent(member?.id ?? '')}`)).tier).toBe('vip');

    // The next show: the producer's view is open; a regular and the VIP come in, neither says a word.
    expect(await command(engine, { type: 'run.start', rehearsal: false, acknowledgeFlags: true })).toEqual({ ok: true });
    await page.goto(`${engine.url}/producer`);
    await page.getByTestId('comments-filter').first().waitFor();
    relay.emit('member', { userId: 'guest-7', uniqueId: 'guest-7', nickname: 'Passer-by', msgId: 'e1', createTime: String(Date.now()) });
    relay.emit('member', { userId: 'vip-1', uniqueId: 'vip-1', nickname: 'Golden Mei', msgId: 'e2', createTime: String(Date.now()) });
    const arrival = page.getByTestId('vip-arrival');
    await expect(arrival).toHaveCount(1, { timeout: 10_000 });
    await expect(arrival).toHaveAttribute('data-via', 'enter');
    await expect(arrival).toHaveAttribute('data-event-id', 'tiktok:enter:e2');
    await expect(arrival).toContainText('Golden Mei');
    // Everyone's arrival still counts: the regular's too.
    await expect.poll(async () => (await snapshot(engine)).state.feeds.metrics.uniqueViewers).toBe(2);
  } finally {
    await relay.down();
  }
});
