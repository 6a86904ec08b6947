/* How each figure of a show reads, and what it is called. Pure. */
import type { MessageKey } from '../../i18n/en.ts';
import { formatCount, formatDecimal, formatMoney, formatPercent } from '../feeds/format.ts';
import type { FigureId } from './compare.ts';
import { formatDuration, formatRoi } from './format.ts';

/** The replayed metrics sum GMV in yuan (shared/feeds/metrics.ts default). */
export const DEFAULT_CURRENCY = 'CNY';

export const FIGURE_LABELS: Readonly<Record<FigureId, MessageKey>> = {
  durationMs: 'review.figure.duration',
  peakViewers: 'review.figure.peakViewers',
  averageViewers: 'review.figure.averageViewers',
  uniqueViewers: 'review.figure.uniqueViewers',
  comments: 'review.figure.comments',
  interactionRate: 'review.figure.interactionRate',
  orders: 'review.figure.orders',
  gmv: 'review.figure.gmv',
  conversionRate: 'review.figure.conversionRate',
  uvValue: 'review.figure.uvValue',
  gpm: 'review.figure.gpm',
  averageOrderValue: 'review.figure.averageOrderValue',
  roi: 'review.figure.roi',
};

export function formatFigure(id: FigureId, value: number | null, locale: string, currency = DEFAULT_CURRENCY): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (id) {
    case 'durationMs':
      return formatDuration(value);
    case 'peakViewers':
    case 'uniqueViewers':
    case 'comments':
    case 'orders':
      return formatCount(value, locale);
    case 'averageViewers':
      return formatDecimal(value, 0, locale);
    case 'interactionRate':
    case 'conversionRate':
      return formatPercent(value, locale, 1);
    case 'gmv':
    case 'uvValue':
    case 'gpm':
    case 'averageOrderValue':
      return formatMoney(value, currency, locale);
    case 'roi':
      return formatRoi(value, locale);
  }
}
