import { useT } from '../../i18n/useT.ts';
import { TICK_KINDS, type Tick } from './chart.ts';

/** Which marks the charts carry, with how many of each. */
export function MarkerLegend({ ticks }: { ticks: readonly Tick[] }) {
  const t = useT();
  const counts = new Map<string, number>();
  for (const tick of ticks) counts.set(tick.marker.kind, (counts.get(tick.marker.kind) ?? 0) + 1);
  return (
    <ul className="review-legend" data-testid="review-marker-legend">
      <li className="review-legend__item">
        <span className="review-legend__swatch review-legend__swatch--band" aria-hidden="true" />
        {t('review.legend.segments')}
      </li>
      {TICK_KINDS.filter((kind) => counts.has(kind)).map((kind) => (
        <li key={kind} className="review-legend__item" data-kind={kind}>
          <span className={`review-legend__swatch review-marker--${kind}`} aria-hidden="true" />
          {t('review.legend.marker', { kind: t(`review.marker.${kind}`), count: counts.get(kind) ?? 0 })}
        </li>
      ))}
      {ticks.length === 0 && <li className="review-legend__item review-legend__item--none">{t('review.legend.noMarkers')}</li>}
    </ul>
  );
}
