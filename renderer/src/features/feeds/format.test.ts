import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';
import { formatClockTime, formatCount, formatDecimal, formatMoney, formatPercent } from './format.ts';
import { lightView, metricGroups, viewerCells } from './metricsView.ts';

describe('formatClockTime', () => {
  it('shows local HH:MM:SS with leading zeros', () => {
    const at = new Date(2025, 0, 2, 3, 4, 5, 678).getTime();
    expect(formatClockTime(at)).toBe('03:04:05');
    expect(formatClockTime(new Date(2025, 0, 2, 23, 59, 59).getTime())).toBe('23:59:59');
  });

  it('shows a placeholder for a broken time', () => {
    expect(formatClockTime(Number.NaN)).toBe('--:--:--');
  });
});

describe('number formatting', () => {
  it('groups thousands and rounds counts', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(12.6, 'en')).toBe('13');
    expect(formatCount(0, 'zh-CN')).toBe('0');
    expect(formatCount(Number.NaN, 'en')).toBe('—');
  });

  it('keeps exactly the decimals asked for', () => {
    expect(formatDecimal(3.14159, 2, 'en')).toBe('3.14');
    expect(formatDecimal(2, 1, 'en')).toBe('2.0');
  });

  it('formats money in yuan with two decimals', () => {
    expect(formatMoney(1234.5, 'CNY', 'en')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(0, 'CNY', 'en')).toBe('¥0.00');
    expect(formatMoney(0.006, 'CNY', 'en')).toBe('¥0.01');
    expect(formatMoney(-12, 'CNY', 'en')).toBe('-¥12.00');
  });

  it('shows other currencies by symbol or code, and null as a dash', () => {
    expect(formatMoney(9.9, 'USD', 'en')).toBe('$9.90');
    expect(formatMoney(9.9, 'SGD', 'en')).toBe('SGD 9.90');
    expect(formatMoney(null, 'CNY', 'en')).toBe('—');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.0345, 'en')).toBe('3.45%');
    expect(formatPercent(1, 'en', 0)).toBe('100%');
    expect(formatPercent(0.12345, 'en', 1)).toBe('12.3%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

const metrics: MetricsSnapshot = {
  at: 10_000,
  startedAt: 0,
  viewers: { now: 12_345, peak: 20_000, average: 15_432.6, cumulative: 100_000 },
  uniqueViewers: 4_000,
  interactingUsers: 1_000,
  interactionRate: 0.25,
  comments: 5_000,
  questions: 300,
  commentsPerMinute: 1_234,
  likes: 99_999,
  gifts: 12,
  giftValue: 300,
  follows: 45,
  shares: 6,
  currency: 'CNY',
  gmv: 123_456.789,
  orders: 321,
  items: 400,
  buyers: 300,
  refunds: 1,
  cancellations: 0,
  otherCurrencyOrders: 0,
  averageOrderValue: 384.6,
  conversionRate: 0.075,
  uvValue: 30.864,
  gpm: 1234.567,
  gaps: 0,
  streamEnded: false,
  lights: { viewers: 'green', comments: 'none' },
};

describe('metric cells', () => {
  it('formats the viewer figures', () => {
    expect(viewerCells(metrics, 'en').map((c) => [c.id, c.value])).toEqual([
      ['viewers-now', '12,345'],
      ['viewers-peak', '20,000'],
      ['viewers-average', '15,433'],
    ]);
  });

  it('formats engagement and sales', () => {
    const cells = Object.fromEntries(metricGroups(metrics, 'en').flatMap((g) => g.cells.map((c) => [c.id, c.value])));
    expect(cells).toEqual({
      cpm: '1,234',
      likes: '99,999',
      gifts: '12',
      follows: '45',
      shares: '6',
      interaction: '25.0%',
      gmv: '¥123,456.79',
      orders: '321',
      items: '400',
      aov: '¥384.60',
      conversion: '7.50%',
      'uv-value': '¥30.86',
      gpm: '¥1,234.57',
    });
  });

  it('shows rates without a denominator as a dash', () => {
    const empty = { ...metrics, interactionRate: null, averageOrderValue: null, conversionRate: null, uvValue: null, gpm: null };
    const cells = Object.fromEntries(metricGroups(empty, 'en').flatMap((g) => g.cells.map((c) => [c.id, c.value])));
    expect([cells.interaction, cells.aov, cells.conversion, cells['uv-value'], cells.gpm]).toEqual(['—', '—', '—', '—', '—']);
  });
});

describe('lightView', () => {
  it('adds a call to action only when red', () => {
    expect(lightView('viewers', 'red')).toEqual({
      metric: 'viewers',
      level: 'red',
      label: 'metrics.light.viewers',
      state: 'metrics.level.red',
      alert: 'metrics.alert.viewers',
    });
    expect(lightView('comments', 'red').alert).toBe('metrics.alert.comments');
    expect(lightView('comments', 'yellow').alert).toBeNull();
    expect(lightView('viewers', 'none').state).toBe('metrics.level.none');
  });
});
