import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMembersRoutes } from './members-api.ts';
import { addEvents, addSession, count, ev, harness, MIN, T0 } from './__tests__/db-fixture.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve() {
  const h = harness();
  const routes = createMembersRoutes(h.service);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    routes(req, res, pathname)
      .then((handled) => {
        if (!handled) res.writeHead(404).end('unrouted');
      })
      .catch(() => res.writeHead(500).end());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/members`;
  return { h, base };
}

const csvPost = (url: string, body: string | Uint8Array, type = 'text/csv') => fetch(url, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('members HTTP API', () => {
  it('imports with preview then apply, and reports errors with lines (422) without changing anything', async () => {
    const { h, base } = await serve();
    const file = 'member_id,nickname,tags\r\nC1,Ann,skin\r\nC2,Bo,\r\n';
    const preview = await csvPost(`${base}/import?kind=members&mode=preview`, file);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ok: true, encoding: 'utf-8', outcome: { applied: false, counts: { create: 2 } } });
    expect(count(h.db, 'members')).toBe(0);
    const apply = await csvPost(`${base}/import?kind=members&mode=apply`, file);
    expect(await apply.json()).toMatchObject({ ok: true, outcome: { applied: true } });
    expect(count(h.db, 'members')).toBe(2);

    const bad = await csvPost(`${base}/import?kind=identities&mode=apply`, 'member_id,platform,platform_user_id\r\nC1,douyin,a\r\nC1,nowhere,b\r\n');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      ok: false,
      error: { code: 'import_failed', message: '1 error in the file; nothing was changed.', issues: [expect.stringMatching(/^line 3, platform: unknown platform "nowhere"/) as string] },
      errors: [{ line: 3, field: 'platform', message: expect.any(String) as string }],
    });
    expect(count(h.db, 'member_identities')).toBe(0);
  });

  it('reads a GB18030 shop export and refuses what is not CSV', async () => {
    const { h, base } = await serve();
    const gbk = Buffer.from([
      ...Buffer.from('order_id,platform,platform_user_id,amount,status,paid_at,nickname\r\nA1,douyin,u1,10,paid,2025-06-01,'),
      0xd0, 0xa1, 0xba, 0xec, // 小红 in GBK
      0x0d, 0x0a,
    ]);
    const r = await csvPost(`${base}/import?kind=orders&mode=apply`, gbk);
    expect(await r.json()).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(h.service.search('小红')).toHaveLength(1);
    expect((await csvPost(`${base}/import?kind=orders&mode=apply`, '{}', 'application/json')).status).toBe(415);
    expect((await csvPost(`${base}/import?kind=people&mode=apply`, 'x')).status).toBe(400);
    expect((await fetch(`${base}/import?kind=orders`)).status).toBe(405);
  });

  it('serves search, a member, tier shares, export and badge lookup', async () => {
    const { base } = await serve();
    await csvPost(`${base}/import?kind=members&mode=apply`, 'member_id,nickname\r\nC1,Ann\r\n');
    await csvPost(`${base}/import?kind=identities&mode=apply`, 'member_id,platform,platform_user_id\r\nC1,douyin,ann\r\n');
    expect(((await (await fetch(`${base}?q=an`)).json()) as { id: string }[]).map((m) => m.id)).toEqual(['C1']);
    expect(await (await fetch(`${base}/C1`)).json()).toMatchObject({ id: 'C1', displayName: 'Ann', tier: 'bronze', identities: [{ platformUserId: 'ann' }] });
    expect((await fetch(`${base}/nobody`)).status).toBe(404);
    expect(await (await fetch(`${base}/tier-shares`)).json()).toMatchObject({ total: 1, tiers: [{ tier: 'vip', count: 0 }, { tier: 'silver', count: 0 }, { tier: 'bronze', count: 1, share: 1 }] });
    const exported = await fetch(`${base}/export.csv`);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await exported.text()).toContain('C1,Ann,,,bronze');
    const lookup = await fetch(`${base}/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ platform: 'douyin', userId: 'ann' }, { platform: 'douyin', userId: 'x' }]) });
    expect(await lookup.json()).toMatchObject({ members: { 'douyin:ann': { memberId: 'C1', tier: 'bronze' } } });
    const badLookup = await fetch(`${base}/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ platform: 'myspace' }]) });
    expect(badLookup.status).toBe(400);
  });

  it('serves the open promotions, counts a selection and filters search by automatic tag', async () => {
    const { h, base } = await serve();
    await csvPost(`${base}/import?kind=members&mode=apply`, 'member_id,nickname,tags\r\nC1,Ann,festival\r\nC2,Bo,\r\n');
    expect(await (await fetch(`${base}/selection?tier=bronze`)).json()).toEqual({ count: 2 });
    expect(await (await fetch(`${base}/selection?tier=bronze&tag=festival`)).json()).toEqual({ count: 1 });
    expect((await fetch(`${base}/selection`)).status).toBe(400);
    expect((await fetch(`${base}/selection?tier=gold`)).status).toBe(400);
    h.service.grantPromotion({ target: { selection: { tag: 'festival' } }, lift: 'step', endsAt: h.clock.now + 86_400_000, reason: '618' });
    expect(await (await fetch(`${base}/promotions`)).json()).toEqual([
      expect.objectContaining({ id: 1, reason: '618', lift: 'step', target: { selection: { tag: 'festival' } }, members: 1, openMembers: 1, status: 'active' }),
    ]);
    expect(await (await fetch(`${base}/tier-shares`)).json()).toMatchObject({ total: 2, promoted: 1, tiers: [{ count: 0 }, { count: 1, promoted: 1 }, { count: 1 }] });
    expect(await (await fetch(`${base}/C1`)).json()).toMatchObject({ tier: 'silver', computedTier: 'bronze' });
    expect(await (await fetch(`${base}/export.csv`)).text()).toMatch(/\r\nC1,Ann,festival,,bronze,.*,silver,\r\n/);
    expect(((await (await fetch(`${base}?autoTag=lurker`)).json()) as unknown[]).length).toBe(0);
    expect((await fetch(`${base}?autoTag=gold`)).status).toBe(400);
  });

  it('previews a feed-back without writing and refuses rehearsals', async () => {
    const { h, base } = await serve();
    addSession(h.db, { id: 's1' });
    addEvents(h.db, 's1', [ev.comment('u1', T0 + MIN)]);
    addSession(h.db, { id: 'r1', kind: 'rehearsal' });
    const preview = await fetch(`${base}/feedback/s1`);
    expect(await preview.json()).toMatchObject({ sessionId: 's1', dryRun: true, newMembers: 1 });
    expect(count(h.db, 'members')).toBe(0);
    const rehearsal = await fetch(`${base}/feedback/r1`);
    expect(rehearsal.status).toBe(409);
    expect(await rehearsal.json()).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
