import { describe, expect, it } from 'vitest';
import type { PinnedComment } from '../../../../shared/protocol/index.ts';
import { compileBannedWords } from '../../../../shared/show/compliance.ts';
import { compileQuery, createFlagger, deriveComments, newSince, pinnedEntries, type CommentQuery } from './commentFilters.ts';
import type { CommentEntry } from './feedBuffer.ts';
import { entry } from './testEvents.ts';

const noFlags = createFlagger(null);
const query = (q: Partial<CommentQuery>, flagger = noFlags) =>
  compileQuery({ filter: 'all', search: '', blocked: [], pinned: new Set(), ...q }, flagger);
const texts = (rows: CommentEntry[]) => rows.map((r) => r.event.text);

const entries: CommentEntry[] = [
  entry(1, '这个尺码偏大吗？', { isQuestion: true }),
  entry(2, '已拍 两件', { purchaseIntent: true }),
  entry(3, '全网最低价！加微信'),
  entry(4, 'Is it in STOCK?', { isQuestion: true, purchaseIntent: true, nickname: 'Ｌｉｌｙ' }),
  entry(5, '主播好漂亮'),
];

describe('filters', () => {
  it('lists everything with "all"', () => {
    expect(deriveComments(entries, query({})).rows).toHaveLength(5);
  });

  it('keeps questions / purchase intent', () => {
    expect(texts(deriveComments(entries, query({ filter: 'questions' })).rows)).toEqual(['这个尺码偏大吗？', 'Is it in STOCK?']);
    expect(texts(deriveComments(entries, query({ filter: 'intent' })).rows)).toEqual(['已拍 两件', 'Is it in STOCK?']);
  });

  it('keeps comments with banned words, checked against the script word list', () => {
    const flagger = createFlagger(compileBannedWords(['最低价', '微信']));
    expect(texts(deriveComments(entries, query({ filter: 'flagged' }, flagger)).rows)).toEqual(['全网最低价！加微信']);
    const flags = flagger(entries[2] as CommentEntry);
    expect(flags.words).toEqual(['最低价', '微信']);
    expect(flags.banned.map((m) => [m.start, m.end])).toEqual([
      [2, 5],
      [7, 9],
    ]);
    // Checked once per comment: the same object comes back.
    expect(flagger(entries[2] as CommentEntry)).toBe(flags);
  });

  it('flags nothing without a word list', () => {
    expect(deriveComments(entries, query({ filter: 'flagged' })).rows).toEqual([]);
  });

  it('keeps comments by VIP members', () => {
    const isVip = (e: CommentEntry) => e.event.userId === 'u-c2' || e.event.userId === 'u-c5';
    expect(texts(deriveComments(entries, query({ filter: 'vip', isVip })).rows)).toEqual(['已拍 两件', '主播好漂亮']);
    expect(deriveComments(entries, query({ filter: 'vip' })).rows).toEqual([]);
    expect(texts(deriveComments(entries, query({ filter: 'vip', isVip, search: '漂亮' })).rows)).toEqual(['主播好漂亮']);
  });

  it('keeps pinned ones', () => {
    expect(texts(deriveComments(entries, query({ filter: 'pinned', pinned: new Set(['c5']) })).rows)).toEqual(['主播好漂亮']);
  });
});

describe('search', () => {
  it('finds Chinese substrings', () => {
    expect(texts(deriveComments(entries, query({ search: '尺码' })).rows)).toEqual(['这个尺码偏大吗？']);
  });

  it('is case-insensitive and width-insensitive, and searches nicknames', () => {
    expect(texts(deriveComments(entries, query({ search: 'stock' })).rows)).toEqual(['Is it in STOCK?']);
    expect(texts(deriveComments(entries, query({ search: 'lily' })).rows)).toEqual(['Is it in STOCK?']);
    expect(texts(deriveComments(entries, query({ search: '  ？ ' })).rows)).toEqual(['这个尺码偏大吗？', 'Is it in STOCK?']);
  });

  it('combines with the filter', () => {
    expect(texts(deriveComments(entries, query({ filter: 'intent', search: '拍' })).rows)).toEqual(['已拍 两件']);
  });

  it('treats markup as plain characters', () => {
    const hostile = [entry(9, '<img src=x onerror=alert(1)>')];
    expect(deriveComments(hostile, query({ search: '<img' })).rows).toHaveLength(1);
    expect(deriveComments(hostile, query({ search: '.*' })).rows).toHaveLength(0);
  });
});

describe('blocklist', () => {
  it('hides comments containing a word and counts them', () => {
    const d = deriveComments(entries, query({ blocked: ['微信', 'stock'] }));
    expect(texts(d.rows)).toEqual(['这个尺码偏大吗？', '已拍 两件', '主播好漂亮']);
    expect(d.blocked).toBe(2);
  });

  it('matches nicknames and ignores width and case', () => {
    const d = deriveComments(entries, query({ blocked: ['LILY'] }));
    expect(d.blocked).toBe(1);
  });

  it('counts blocked comments whatever the filter', () => {
    const d = deriveComments(entries, query({ filter: 'questions', blocked: ['漂亮', '微信'] }));
    expect(d.blocked).toBe(2);
    expect(d.rows).toHaveLength(2);
  });

  it('ignores blank words', () => {
    expect(deriveComments(entries, query({ blocked: ['', '  '] })).blocked).toBe(0);
  });
});

describe('newSince', () => {
  it('counts listable comments after a sequence number', () => {
    expect(newSince(entries, 2, query({}))).toEqual({ count: 3, more: false });
    expect(newSince(entries, 2, query({ filter: 'questions' }))).toEqual({ count: 1, more: false });
    expect(newSince(entries, 5, query({}))).toEqual({ count: 0, more: false });
  });

  it('says when some fell out of the buffer before they were counted', () => {
    expect(newSince(entries.slice(3), 1, query({}))).toEqual({ count: 2, more: true });
  });

  it('does not count blocked comments', () => {
    expect(newSince(entries, 0, query({ blocked: ['微信'] })).count).toBe(4);
  });
});

describe('pinnedEntries', () => {
  const pin = (eventId: string, at: number): PinnedComment => ({ eventId, platform: 'douyin', nickname: 'n', text: `pinned ${eventId}`, isQuestion: true, at, pinnedAt: at + 1 });

  it('uses held entries and rebuilds the ones that left the buffer, oldest first', () => {
    const held = entries[1] as CommentEntry;
    const out = pinnedEntries([pin('gone', 2e12), pin(held.event.id, 1)], entries);
    expect(out[0]).toBe(held);
    expect(out[1]?.event).toMatchObject({ type: 'comment', id: 'gone', text: 'pinned gone', isQuestion: true });
  });
});
