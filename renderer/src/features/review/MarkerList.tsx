import { useId } from 'react';
import type { ReviewMarker } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { MINUTE_MS, type Tick } from './chart.ts';
import { formatDuration, formatTimeOfDay } from './format.ts';

interface Props {
  ticks: readonly Tick[];
  startedAt: number;
  detail: (marker: ReviewMarker) => string;
  onSelect: (minute: number) => void;
}

/**
 * The marked events as a list: what the chart tooltips say, readable on paper and from the keyboard. Choosing one
 * shows the comments of its minute.
 */
export function MarkerList({ ticks, startedAt, detail, onSelect }: Props) {
  const t = useT();
  const id = useId();
  if (ticks.length === 0) return null;
  return (
    <div className="review-events">
      <h3 id={`${id}-heading`} className="review-events__heading">
        {t('review.events.heading', { count: ticks.length })}
      </h3>
      <div className="review-table-wrap review-events__scroll">
        <table className="review-table review-table--compact" data-testid="review-markers" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{t('review.events.time')}</th>
              <th scope="col">{t('review.events.elapsed')}</th>
              <th scope="col">{t('review.events.kind')}</th>
              <th scope="col">{t('review.events.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {ticks.map(({ marker }, i) => {
              const minute = Math.max(0, Math.floor((marker.at - startedAt) / MINUTE_MS));
              return (
                <tr key={i} data-testid="review-marker-row" data-kind={marker.kind}>
                  <td className="review-table__num">
                    <button type="button" className="review-events__time" title={t('review.events.show')} onClick={() => onSelect(minute)}>
                      {formatTimeOfDay(marker.at, true)}
                    </button>
                  </td>
                  <td className="review-table__num">{formatDuration(marker.at - startedAt)}</td>
                  <td>
                    <span className={`review-legend__swatch review-marker--${marker.kind}`} aria-hidden="true" /> {t(`review.marker.${marker.kind}`)}
                  </td>
                  <td>
                    <bdi>{detail(marker)}</bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
