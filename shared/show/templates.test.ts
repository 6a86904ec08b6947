import { describe, expect, it } from 'vitest';
import { Show } from './schema.ts';
import type { Product } from './schema.ts';
import { TEMPLATE_TITLES, blankSegment, emptyShow, fourModuleShow, productBlock } from './templates.ts';

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const cream: Product = { id: 'p-cream', sku: 'CR-50', name: '修护面霜', listPrice: 199, dealPrice: 159, stock: 100, perCustomerLimit: 2 };
const mask: Product = { id: 'p-mask', sku: 'MK-10', name: 'Sheet mask', listPrice: 89.9, dealPrice: 69.9, stock: 100, perCustomerLimit: 5 };

describe('product block', () => {
  it('is 3 min highlights + 5 min demonstration + 2 min Q&A, all linked to the product', () => {
    const block = productBlock(cream, { newId: counter('s') });
    expect(block.map((s) => [s.id, s.kind, s.title, s.plannedDurationMs, s.productIds])).toEqual([
      ['s-1', 'product', 'Highlights · 修护面霜', 180_000, ['p-cream']],
      ['s-2', 'product', 'Demonstration · 修护面霜', 300_000, ['p-cream']],
      ['s-3', 'interaction', 'Q&A · 修护面霜', 120_000, ['p-cream']],
    ]);
  });

  it('takes titles and durations from the caller', () => {
    const block = productBlock(cream, { newId: counter(), titles: TEMPLATE_TITLES['zh-CN'], durationsMs: { demonstration: 420_000 } });
    expect(block.map((s) => s.title)).toEqual(['产品亮点 · 修护面霜', '使用演示 · 修护面霜', '答疑 · 修护面霜']);
    expect(block.map((s) => s.plannedDurationMs)).toEqual([180_000, 420_000, 120_000]);
  });

  it('keeps composed titles within the title bound', () => {
    const longName = { ...cream, name: '长'.repeat(120) };
    const [first] = productBlock(longName, { newId: counter(), titles: { highlights: '亮'.repeat(100) } });
    expect([...(first?.title ?? '')].length).toBe(200);
  });
});

describe('four-module show', () => {
  it('has opening, product introduction, interaction and closing with default durations and English titles', () => {
    const show = fourModuleShow({ newId: counter(), title: 'Autumn skincare' });
    expect(show.id).toBe('id-1');
    expect(show.segments.map((s) => [s.id, s.kind, s.title, s.plannedDurationMs])).toEqual([
      ['id-2', 'opening', 'Opening', 300_000],
      ['id-3', 'product', 'Product introduction', 600_000],
      ['id-4', 'interaction', 'Interaction', 600_000],
      ['id-5', 'closing', 'Closing', 300_000],
    ]);
    expect(Show.safeParse(show).success).toBe(true);
  });

  it('uses the zh-CN title set and one product block per product', () => {
    const show = fourModuleShow({ newId: counter(), title: '秋冬护肤专场', titles: TEMPLATE_TITLES['zh-CN'], products: [cream, mask], platforms: ['抖音'] });
    expect(show.segments.map((s) => s.title)).toEqual([
      '开场',
      '产品亮点 · 修护面霜',
      '使用演示 · 修护面霜',
      '答疑 · 修护面霜',
      '产品亮点 · Sheet mask',
      '使用演示 · Sheet mask',
      '答疑 · Sheet mask',
      '互动环节',
      '收尾',
    ]);
    expect(show.products).toEqual([cream, mask]);
    expect(show.platforms).toEqual(['抖音']);
    expect(Show.safeParse(show).success).toBe(true);
  });

  it('lets the caller override durations', () => {
    const show = fourModuleShow({ newId: counter(), title: 'T', durationsMs: { opening: 120_000, closing: 60_000 } });
    expect(show.segments.map((s) => s.plannedDurationMs)).toEqual([120_000, 600_000, 600_000, 60_000]);
  });
});

describe('blank builders', () => {
  it('make valid empty items', () => {
    const show = emptyShow(counter('show'), 'New show');
    expect(show).toEqual({ id: 'show-1', title: 'New show', platforms: [], plannedStart: null, segments: [], products: [], bannedWords: null });
    const seg = blankSegment(counter('seg'), 'break', 'Break');
    expect(seg).toMatchObject({ id: 'seg-1', kind: 'break', title: 'Break', plannedDurationMs: 300_000, cues: [] });
    expect(Show.safeParse({ ...show, segments: [seg] }).success).toBe(true);
  });
});
