import { describe, expect, it } from 'vitest';
import { Cue, FlashSalePlan, Product, SHOW_LIMITS, Segment, Show, ShowFile, Yuan } from './schema.ts';

const product = { id: 'p1', sku: 'SKU-1', name: '修护面霜', listPrice: 199, dealPrice: 159.9, stock: 10, perCustomerLimit: 2 };
const segment = { id: 's1', kind: 'product', title: '产品亮点', plannedDurationMs: 180_000 };
const sale = {
  id: 'f1',
  productId: 'p1',
  dealPrice: 99,
  quantity: 50,
  perCustomerLimit: 1,
  warmupMs: 30_000,
  durationMs: 180_000,
  start: { mode: 'offset', offsetMs: 60_000 },
};

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('segment', () => {
  it('fills defaults for a minimal segment', () => {
    expect(Segment.parse(segment)).toEqual({
      ...segment,
      talkingPoints: '',
      sceneName: null,
      cameraPresetId: null,
      productIds: [],
      cues: [],
      flashSales: [],
    });
  });

  it('bounds the planned duration to 10 s .. 4 h in whole seconds', () => {
    expect(Segment.safeParse({ ...segment, plannedDurationMs: 10_000 }).success).toBe(true);
    expect(Segment.safeParse({ ...segment, plannedDurationMs: 4 * 3_600_000 }).success).toBe(true);
    expect(issuesOf(Segment.safeParse({ ...segment, plannedDurationMs: 9_999 }))).toContainEqual({
      path: 'plannedDurationMs',
      message: 'must be at least 10000 ms',
    });
    expect(Segment.safeParse({ ...segment, plannedDurationMs: 4 * 3_600_000 + 1000 }).success).toBe(false);
    expect(issuesOf(Segment.safeParse({ ...segment, plannedDurationMs: 60_500 }))[0]?.message).toBe('must be whole seconds');
  });

  it('refuses unknown kinds, empty titles, multi-line titles and control characters', () => {
    expect(Segment.safeParse({ ...segment, kind: 'ad' }).success).toBe(false);
    expect(issuesOf(Segment.safeParse({ ...segment, title: '   ' }))).toEqual([{ path: 'title', message: 'required' }]);
    expect(Segment.safeParse({ ...segment, title: 'a\nb' }).success).toBe(false);
    expect(Segment.safeParse({ ...segment, talkingPoints: 'line 1\nline 2\r\n\tline 3' }).success).toBe(true);
    expect(Segment.safeParse({ ...segment, talkingPoints: 'bell\u0007' }).success).toBe(false);
  });

  it('trims titles and bounds every text', () => {
    expect(Segment.parse({ ...segment, title: '  开场  ' }).title).toBe('开场');
    expect(Segment.safeParse({ ...segment, title: 'x'.repeat(SHOW_LIMITS.titleMaxLength + 1) }).success).toBe(false);
    expect(Segment.safeParse({ ...segment, talkingPoints: 'x'.repeat(SHOW_LIMITS.talkingPointsMaxLength + 1) }).success).toBe(false);
    expect(Segment.safeParse({ ...segment, sceneName: 'x'.repeat(SHOW_LIMITS.obsNameMaxLength + 1) }).success).toBe(false);
  });

  it('keeps ids to a safe alphabet', () => {
    expect(Segment.safeParse({ ...segment, id: 'a<script>' }).success).toBe(false);
    expect(Segment.safeParse({ ...segment, id: '' }).success).toBe(false);
    expect(Segment.safeParse({ ...segment, id: '3f1c-9a:b_c.d' }).success).toBe(true);
    expect(Segment.safeParse({ ...segment, id: 'x'.repeat(65) }).success).toBe(false);
  });
});

describe('cue', () => {
  it('needs a message or a scene item', () => {
    expect(Cue.safeParse({ id: 'c', offsetMs: 0, message: '' }).success).toBe(false);
    expect(Cue.safeParse({ id: 'c', offsetMs: 0, message: '', sceneItem: { sceneName: 'A', sourceName: 'Price', enabled: true } }).success).toBe(true);
    expect(Cue.safeParse({ id: 'c', offsetMs: -1, message: 'x' }).success).toBe(false);
    expect(Cue.safeParse({ id: 'c', offsetMs: 1.5, message: 'x' }).success).toBe(false);
  });
});

describe('product and money', () => {
  it('accepts yuan with at most two decimals', () => {
    expect(Yuan.safeParse(19.99).success).toBe(true);
    expect(Yuan.safeParse(0).success).toBe(true);
    expect(Yuan.safeParse(0.1 + 0.2).success).toBe(true); // 0.30000000000000004 is still 30 fen
    expect(Yuan.safeParse(19.999).success).toBe(false);
    expect(Yuan.safeParse(-1).success).toBe(false);
    expect(Yuan.safeParse(Number.NaN).success).toBe(false);
    expect(Yuan.safeParse(Infinity).success).toBe(false);
  });

  it('requires whole stock, a limit of at least one and a deal price not above the list price', () => {
    expect(Product.parse(product)).toEqual(product);
    expect(Product.safeParse({ ...product, stock: 1.5 }).success).toBe(false);
    expect(Product.safeParse({ ...product, perCustomerLimit: 0 }).success).toBe(false);
    expect(issuesOf(Product.safeParse({ ...product, dealPrice: 200 }))).toEqual([
      { path: 'dealPrice', message: 'deal price must not exceed the list price' },
    ]);
  });

  it('accepts only http(s) image URLs', () => {
    expect(Product.safeParse({ ...product, imageUrl: 'https://cdn.example.com/a.png' }).success).toBe(true);
    expect(Product.safeParse({ ...product, imageUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(Product.safeParse({ ...product, imageUrl: 'file:///etc/passwd' }).success).toBe(false);
  });
});

describe('flash sale plan', () => {
  it('bounds warm-up to 10..300 s and duration to 1..20 min', () => {
    expect(FlashSalePlan.parse(sale)).toEqual(sale);
    expect(FlashSalePlan.safeParse({ ...sale, warmupMs: 9_999 }).success).toBe(false);
    expect(FlashSalePlan.safeParse({ ...sale, warmupMs: 300_000 }).success).toBe(true);
    expect(FlashSalePlan.safeParse({ ...sale, warmupMs: 300_001 }).success).toBe(false);
    expect(FlashSalePlan.safeParse({ ...sale, durationMs: 59_999 }).success).toBe(false);
    expect(FlashSalePlan.safeParse({ ...sale, durationMs: 1_200_000 }).success).toBe(true);
    expect(FlashSalePlan.safeParse({ ...sale, durationMs: 1_200_001 }).success).toBe(false);
  });

  it('starts by hand or at an offset', () => {
    expect(FlashSalePlan.safeParse({ ...sale, start: { mode: 'manual' } }).success).toBe(true);
    expect(FlashSalePlan.safeParse({ ...sale, start: { mode: 'offset' } }).success).toBe(false);
    expect(FlashSalePlan.safeParse({ ...sale, start: { mode: 'later' } }).success).toBe(false);
    expect(FlashSalePlan.safeParse({ ...sale, quantity: 0 }).success).toBe(false);
  });
});

describe('show', () => {
  const show = {
    id: 'show',
    title: '秋冬护肤专场',
    plannedStart: '2025-12-01T20:00:00+08:00',
    products: [product],
    segments: [{ ...segment, productIds: ['p1'], flashSales: [sale], cues: [{ id: 'c1', offsetMs: 0, message: '开场' }] }],
  };

  it('parses a full show with defaults and null meaning "default banned words"', () => {
    const parsed = Show.parse(show);
    expect(parsed.bannedWords).toBeNull();
    expect(parsed.platforms).toEqual([]);
    expect(parsed.segments[0]?.flashSales[0]?.start).toEqual({ mode: 'offset', offsetMs: 60_000 });
  });

  it('requires an ISO date-time with an offset for the planned start', () => {
    expect(Show.safeParse({ ...show, plannedStart: '2025-12-01T12:00:00Z' }).success).toBe(true);
    expect(Show.safeParse({ ...show, plannedStart: '2025-12-01 20:00' }).success).toBe(false);
    expect(Show.safeParse({ ...show, plannedStart: null }).success).toBe(true);
  });

  it('refuses dangling product references, duplicate ids and duplicate SKUs, naming the path', () => {
    const broken = {
      ...show,
      products: [product, { ...product, id: 'p2' }],
      segments: [
        { ...segment, productIds: ['p1', 'nope', 'p1'], flashSales: [{ ...sale, productId: 'gone' }] },
        { ...segment, cues: [{ id: 'f1', offsetMs: 0, message: 'x' }] },
      ],
    };
    expect(issuesOf(Show.safeParse(broken))).toEqual([
      { path: 'products.1.sku', message: 'duplicate SKU "SKU-1"' },
      { path: 'segments.0.productIds.1', message: 'unknown product "nope"' },
      { path: 'segments.0.productIds.2', message: 'product "p1" listed twice' },
      { path: 'segments.0.flashSales.0.productId', message: 'unknown product "gone"' },
      { path: 'segments.1.id', message: 'duplicate id "s1"' },
      { path: 'segments.1.cues.0.id', message: 'duplicate id "f1"' },
    ]);
  });

  it('bounds the number of segments and banned words', () => {
    const many = Array.from({ length: SHOW_LIMITS.maxSegments + 1 }, (_, i) => ({ ...segment, id: `s${i}` }));
    expect(Show.safeParse({ ...show, segments: many }).success).toBe(false);
    expect(Show.safeParse({ ...show, bannedWords: ['最好', ''] }).success).toBe(false);
    expect(Show.parse({ ...show, bannedWords: ['最好'] }).bannedWords).toEqual(['最好']);
  });
});

describe('show file', () => {
  it('is versioned', () => {
    const show = { id: 'x', title: 'T' };
    expect(ShowFile.safeParse({ format: 'cuedeck.show', version: 1, show }).success).toBe(true);
    expect(ShowFile.safeParse({ format: 'cuedeck.show', version: 2, show }).success).toBe(false);
    expect(ShowFile.safeParse({ format: 'other', version: 1, show }).success).toBe(false);
  });
});
