import type { Light } from '../../../../shared/feeds/lights.ts';
import type { MetricsSnapshot } from '../../../../shared/feeds/metrics.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { formatCount, formatMoney, formatPercent } from './format.ts';

export interface MetricCell {
  /** `data-testid` is `metric-${id}`. */
  id: string;
  label: MessageKey;
  value: string;
}

export interface MetricGroup {
  heading: MessageKey;
  cells: MetricCell[];
}

/** The viewer figures shown next to the curve. */
export function viewerCells(m: MetricsSnapshot, locale: string): MetricCell[] {
  return [
    { id: 'viewers-now', label: 'metrics.viewersNow', value: formatCount(m.viewers.now, locale) },
    { id: 'viewers-peak', label: 'metrics.viewersPeak', value: formatCount(m.viewers.peak, locale) },
    { id: 'viewers-average', label: 'metrics.viewersAverage', value: formatCount(m.viewers.average, locale) },
  ];
}

/** Everything else the KPI strip shows, grouped as the operations plan reads it. */
export function metricGroups(m: MetricsSnapshot, locale: string): MetricGroup[] {
  const money = (v: number | null) => formatMoney(v, m.currency, locale);
  return [
    {
      heading: 'metrics.group.engagement',
      cells: [
        { id: 'cpm', label: 'metrics.cpm', value: formatCount(m.commentsPerMinute, locale) },
        { id: 'likes', label: 'metrics.likes', value: formatCount(m.likes, locale) },
        { id: 'gifts', label: 'metrics.gifts', value: formatCount(m.gifts, locale) },
        { id: 'follows', label: 'metrics.follows', value: formatCount(m.follows, locale) },
        { id: 'shares', label: 'metrics.shares', value: formatCount(m.shares, locale) },
        { id: 'interaction', label: 'metrics.interactionRate', value: formatPercent(m.interactionRate, locale, 1) },
      ],
    },
    {
      heading: 'metrics.group.sales',
      cells: [
        { id: 'gmv', label: 'metrics.gmv', value: money(m.gmv) },
        { id: 'orders', label: 'metrics.orders', value: formatCount(m.orders, locale) },
        { id: 'items', label: 'metrics.items', value: formatCount(m.items, locale) },
        { id: 'aov', label: 'metrics.aov', value: money(m.averageOrderValue) },
        { id: 'conversion', label: 'metrics.conversion', value: formatPercent(m.conversionRate, locale, 2) },
        { id: 'uv-value', label: 'metrics.uvValue', value: money(m.uvValue) },
        { id: 'gpm', label: 'metrics.gpm', value: money(m.gpm) },
      ],
    },
  ];
}

export type LightMetric = 'viewers' | 'comments';

export interface LightView {
  metric: LightMetric;
  level: Light;
  label: MessageKey;
  state: MessageKey;
  /** A short call to action, only when red. */
  alert: MessageKey | null;
}

export function lightView(metric: LightMetric, level: Light): LightView {
  return {
    metric,
    level,
    label: metric === 'viewers' ? 'metrics.light.viewers' : 'metrics.light.comments',
    state: `metrics.level.${level}`,
    alert: level === 'red' ? (metric === 'viewers' ? 'metrics.alert.viewers' : 'metrics.alert.comments') : null,
  };
}


/** The few figures the producer's top strip keeps in view whatever scrolls: viewers now, GMV, orders, conversion. */
export function tickerCells(m: MetricsSnapshot, locale: string): MetricCell[] {
  return [
    { id: 'ticker-viewers', label: 'metrics.viewersNow', value: formatCount(m.viewers.now, locale) },
    { id: 'ticker-gmv', label: 'metrics.gmv', value: formatMoney(m.gmv, m.currency, locale) },
    { id: 'ticker-orders', label: 'metrics.orders', value: formatCount(m.orders, locale) },
    { id: 'ticker-conversion', label: 'metrics.conversion', value: formatPercent(m.conversionRate, locale, 1) },
  ];
}
