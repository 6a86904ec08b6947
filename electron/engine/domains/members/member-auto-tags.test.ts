import { describe, expect, it } from 'vitest';
import { monthsBefore } from '../../../../shared/members/tiers.ts';
import { MemberRepository } from './member-repository.ts';
import { addEvents, addSession, DAY, dump, ev, harness, MIN, T0, type Harness } from './__tests__/db-fixture.ts';

const HOUR = 60 * MIN;
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
/** T0 is 20:00 in China: a show starting two hours later is a night show. */
const NIGHT_START = T0 + 2 * HOUR;

const memberOf = (h: Harness, userId: string) =>
  (h.db.prepare("SELECT member_id FROM member_identities WHERE platform = 'douyin' AND platform_user_id = ?").get(userId) as { member_id: string } | undefined)?.member_id ?? '';
const autoTags = (h: Harness, userId: string) => h.service.member(memberOf(h, userId))?.autoTags;
const autoTagRows = (h: Harness) => h.db.prepare('SELECT member_id, tag FROM member_auto_tags ORDER BY member_id, tag').all().map((r) => ({ ...r }));

/** Feeds one ended show of an hour back, at `start` (the clock set two hours after it). */
function show(h: Harness, id: string, start: number, events: (start: number) => ReturnType<typeof ev.enter>[], extra: { show?: unknown } = {}) {
  addSession(h.db, { id, startedAt: start, endedAt: start + HOUR, ...extra });
  addEvents(h.db, id, events(start));
  h.clock.now = Math.max(h.clock.now, start + 2 * HOUR);
  return h.service.feedBack(id);
}

describe('automatic tags from feed-back', () => {
  it('lurker: three long shows without a word; the member who commented is not one', () => {
    const h = harness();
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      show(h, id, T0 + i * DAY, (s) => [ev.enter('quiet', s + MIN), ev.like('quiet', s + 21 * MIN), ev.enter('talker', s + MIN), ev.comment('talker', s + 21 * MIN)]);
      expect(autoTags(h, 'quiet')).toEqual(i < 2 ? [] : ['lurker']);
    }
    expect(autoTags(h, 'talker')).toEqual([]);
    expect(h.service.member(memberOf(h, 'quiet'))?.totals).toMatchObject({ sessionsWatched: 3, watchMs: 60 * MIN, comments: 0 });
  });

  it('question_asker: three question comments (as marked in the log)', () => {
    const h = harness();
    show(h, 'a', T0, (s) => [ev.question('asker', s + MIN), ev.question('asker', s + 2 * MIN), ev.comment('asker', s + 3 * MIN)]);
    expect(autoTags(h, 'asker')).toEqual([]);
    show(h, 'b', T0 + DAY, (s) => [ev.question('asker', s + MIN)]);
    expect(autoTags(h, 'asker')).toEqual(['question_asker']);
    expect(h.service.member(memberOf(h, 'asker'))?.totals).toMatchObject({ comments: 4, questions: 3 });
  });

  it('night_owl: at least half of three or more shows entered between 22:00 and 04:00 China time', () => {
    const h = harness();
    show(h, 'a', NIGHT_START, (s) => [ev.enter('owl', s + MIN)]);
    show(h, 'b', NIGHT_START + DAY, (s) => [ev.enter('owl', s + MIN)]);
    show(h, 'c', T0 + 2 * DAY, (s) => [ev.enter('owl', s + MIN)]); // 20:01, not night
    expect(h.service.member(memberOf(h, 'owl'))?.totals).toMatchObject({ sessionsWatched: 3, nightSessions: 2 });
    expect(autoTags(h, 'owl')).toEqual(['night_owl']);
    show(h, 'd', T0 + 3 * DAY, (s) => [ev.enter('owl', s + MIN)]);
    show(h, 'e', T0 + 4 * DAY, (s) => [ev.enter('owl', s + MIN)]);
    expect(autoTags(h, 'owl')).toEqual([]); // 2 of 5
  });

  it('flash_sale_only: every paid order placed while a flash sale of that product was live', () => {
    const h = harness();
    const products = { products: [{ id: 'p1', sku: 'SKU-DEAL' }, { id: 'p2', sku: 'SKU-FULL' }] };
    const sale = (s: number) => [ev.sale('plan1', 'p1', 'warmup', s + 5 * MIN), ev.sale('plan1', 'p1', 'live', s + 10 * MIN), ev.sale('plan1', 'p1', 'live', s + 11 * MIN), ev.sale('plan1', 'p1', 'ended', s + 20 * MIN)];
    show(
      h,
      'a',
      T0,
      (s) => [
        ...sale(s),
        ev.order('hunter', s + 10 * MIN, 'a1', 9.9, 'douyin', 'CNY', 'SKU-DEAL'), // at exactly the live instant
        ev.order('mixed', s + 12 * MIN, 'a2', 9.9, 'douyin', 'CNY', 'SKU-DEAL'),
        ev.order('late', s + 20 * MIN + 1, 'a3', 9.9, 'douyin', 'CNY', 'SKU-DEAL'), // a millisecond after it ended
      ],
      { show: products },
    );
    show(
      h,
      'b',
      T0 + DAY,
      (s) => [
        ...sale(s),
        ev.order('hunter', s + 20 * MIN, 'b1', 9.9, 'douyin', 'CNY', 'SKU-DEAL'), // at exactly the end: the last unit
        ev.order('mixed', s + 15 * MIN, 'b2', 99, 'douyin', 'CNY', 'SKU-FULL'), // during the sale, another product
      ],
      { show: products },
    );
    expect(h.service.member(memberOf(h, 'hunter'))?.totals).toMatchObject({ orders: 2, flashSaleOrders: 2 });
    expect(autoTags(h, 'hunter')).toEqual(['flash_sale_only']);
    expect(h.service.member(memberOf(h, 'mixed'))?.totals).toMatchObject({ orders: 2, flashSaleOrders: 1 });
    expect(autoTags(h, 'mixed')).toEqual([]);
    expect(h.service.member(memberOf(h, 'late'))?.totals).toMatchObject({ orders: 1, flashSaleOrders: 0 });
  });

  it('keeps the new totals equal to a recount from the source tables (merge and split recount them)', () => {
    const h = harness();
    show(h, 'a', NIGHT_START, (s) => [ev.enter('u1', s + MIN), ev.question('u1', s + 2 * MIN), ev.enter('u2', s + 3 * MIN)]);
    show(h, 'b', T0 + DAY, (s) => [ev.question('u1', s + MIN), ev.question('u1', s + 2 * MIN)]);
    const repo = new MemberRepository(h.db);
    for (const id of [memberOf(h, 'u1'), memberOf(h, 'u2')]) {
      const { updated_at: _u, spend_as_of: _s, ...incremental } = repo.member(id) ?? {};
      repo.refreshTotals(id, monthsBefore(h.clock.now, 12), h.clock.now);
      const { updated_at: _u2, spend_as_of: _s2, ...recounted } = repo.member(id) ?? {};
      expect(recounted).toEqual(incremental);
    }
    expect(repo.member(memberOf(h, 'u1'))).toMatchObject({ night_sessions: 1, questions: 3 });
  });
});

describe('recount', () => {
  it('replaces the automatic tags as time passes and never touches manual tags, even one spelled like an automatic tag', async () => {
    const h = harness();
    h.service.import('members', 'apply', csv('member_id,nickname,tags', 'C1,Ann,lapsed|vip-event'));
    h.service.import('identities', 'apply', csv('member_id,platform,platform_user_id', 'C1,douyin,u1'));
    show(h, 'a', T0, (s) => [ev.enter('u1', s + MIN), ev.order('u1', s + 2 * MIN, 'o1', 3200)]);
    expect(h.service.member('C1')).toMatchObject({ tags: ['lapsed', 'vip-event'], autoTags: ['big_spender', 'new_buyer'] });

    h.clock.now = T0 + 31 * DAY;
    const month = await h.service.recomputeTiers();
    expect(month.autoTagsChanged).toBe(1);
    expect(h.service.member('C1')).toMatchObject({ tags: ['lapsed', 'vip-event'], autoTags: ['big_spender'] });

    h.clock.now = T0 + 2 * MIN + 91 * DAY;
    await h.service.recomputeTiers();
    expect(h.service.member('C1')).toMatchObject({ tags: ['lapsed', 'vip-event'], autoTags: ['big_spender', 'lapsed'] });

    // A year on the spend has left the window: big_spender goes, the manual tags stay exactly as imported.
    h.clock.now = T0 + 400 * DAY;
    await h.service.recomputeTiers();
    expect(h.service.member('C1')).toMatchObject({ tags: ['lapsed', 'vip-event'], autoTags: ['lapsed'] });
    expect(h.db.prepare("SELECT tag FROM member_tags WHERE member_id = 'C1' ORDER BY tag").all().map((r) => r.tag)).toEqual(['lapsed', 'vip-event']);
    expect(autoTagRows(h)).toEqual([{ member_id: 'C1', tag: 'lapsed' }]);
    expect((await h.service.recomputeTiers()).autoTagsChanged).toBe(0);
  });

  it('follows configured thresholds when the rules are saved', async () => {
    const h = harness();
    show(h, 'a', T0, (s) => [ev.enter('u1', s + MIN), ev.order('u1', s + 2 * MIN, 'o1', 500)]);
    expect(autoTags(h, 'u1')).toEqual(['new_buyer']);
    await h.service.setTierRules({ autoTags: { bigSpenderSpendAtLeast: 500 } });
    expect(autoTags(h, 'u1')).toEqual(['big_spender', 'new_buyer']);
    expect(h.service.rules().vip.spendAbove).toBe(5000);
  });

  it('a dry run writes no tag', () => {
    const h = harness();
    addSession(h.db, { id: 'a', startedAt: T0, endedAt: T0 + HOUR });
    addEvents(h.db, 'a', [ev.order('u1', T0 + MIN, 'o1', 5000)]);
    const before = dump(h.db);
    h.service.feedBack('a', { dryRun: true });
    expect(dump(h.db)).toEqual(before);
  });
});

describe('finding members by automatic tag', () => {
  function tagged() {
    const h = harness();
    show(h, 'a', T0, (s) => [ev.order('big', s + MIN, 'o1', 4000), ev.order('small', s + 2 * MIN, 'o2', 10), ev.enter('none', s + 3 * MIN)]);
    return h;
  }

  it('filters the list and search by one, searches by its id, and shows them apart from manual tags', () => {
    const h = tagged();
    expect(h.service.search('', 50, { autoTag: 'big_spender' }).map((m) => m.id)).toEqual([memberOf(h, 'big')]);
    expect(h.service.search('', 50, { autoTag: 'new_buyer' }).map((m) => m.id)).toEqual([memberOf(h, 'big'), memberOf(h, 'small')]);
    expect(h.service.search('M', 50, { autoTag: 'big_spender' }).map((m) => m.id)).toEqual([memberOf(h, 'big')]);
    expect(h.service.search('big_sp').map((m) => m.id)).toEqual([memberOf(h, 'big')]);
    expect(h.service.search('big')[0]).toMatchObject({ tags: [], autoTags: ['big_spender', 'new_buyer'], spend12m: 4000, lifetimeSpend: 4000 });
    expect(h.service.selectionCount({ autoTag: 'big_spender' })).toBe(1);
  });

  it('merge drops the merged member’s automatic tags and works them out again for the whole person', () => {
    const h = tagged();
    h.service.merge(memberOf(h, 'small'), memberOf(h, 'big'), 'same phone');
    expect(autoTags(h, 'small')).toEqual(['big_spender']); // two orders now: no longer a new buyer
    expect(autoTagRows(h)).toEqual([{ member_id: memberOf(h, 'small'), tag: 'big_spender' }]);
  });
});
