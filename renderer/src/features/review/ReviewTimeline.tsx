import { useId, useState } from 'react';
import type { SessionReview } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatMoney } from '../feeds/format.ts';
import { markerTicks, segmentBands, type Tick } from './chart.ts';
import { CommentsAround } from './CommentsAround.tsx';
import { formatCompact, formatTimeOfDay, isolate } from './format.ts';
import { MarkerLegend } from './MarkerLegend.tsx';
import { MarkerList } from './MarkerList.tsx';
import { MinuteChart, PLOT_W } from './MinuteChart.tsx';
import { useMarkerDetail } from './useMarkerDetail.ts';

/** Minute-by-minute curves of the show, with its segments and events, and the comments of a chosen minute. */
export function ReviewTimeline({ review }: { review: SessionReview }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [selected, setSelected] = useState<number | null>(null);
  const { session, minutes, metrics } = review;
  const count = minutes.length;
  const endedAt = session.endedAt ?? session.startedAt + session.durationMs;
  const bands = segmentBands(review.segments, session.startedAt, endedAt, count, PLOT_W);
  const ticks = markerTicks(review.markers, session.startedAt, count, PLOT_W);
  const detail = useMarkerDetail(review.sales);
  const markerText = (tick: Tick) => {
    const words = detail(tick.marker);
    return `${formatTimeOfDay(tick.marker.at, true)} · ${t(`review.marker.${tick.marker.kind}`)}${words === '' ? '' : `: ${isolate(words)}`}`;
  };
  const common = { startedAt: session.startedAt, bands, ticks, selected, onSelect: setSelected, markerText };
  const count0 = (v: number) => formatCount(v, locale);
  const compact = (v: number) => formatCompact(v, locale);

  return (
    <section className="panel review__section review__section--timeline" aria-labelledby={`${id}-heading`}>
      <div className="panel__header">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('review.timeline.heading')}
        </h2>
        <p className="review__note review__screen-only">{t('review.chart.hint')}</p>
      </div>
      <MarkerLegend ticks={ticks} />
      <div className="review-timeline">
        <div className="review-timeline__main">
          <div className="review-charts">
            <MinuteChart
              {...common}
              series="viewers"
              title="review.chart.viewers"
              shape="area"
              integer
              values={minutes.map((m) => m.viewers)}
              formatAxis={compact}
              formatValue={count0}
            />
            <MinuteChart
              {...common}
              series="comments"
              title="review.chart.comments"
              shape="line"
              integer
              values={minutes.map((m) => m.comments)}
              formatAxis={compact}
              formatValue={count0}
            />
            <MinuteChart
              {...common}
              series="orders"
              title="review.chart.orders"
              shape="bars"
              integer
              values={minutes.map((m) => m.orders)}
              formatAxis={compact}
              formatValue={count0}
            />
            <MinuteChart
              {...common}
              series="gmv"
              title="review.chart.gmv"
              shape="bars"
              integer={false}
              values={minutes.map((m) => m.gmv)}
              formatAxis={compact}
              formatValue={(v) => formatMoney(v, metrics.currency, locale)}
            />
          </div>
          <MarkerList ticks={ticks} startedAt={session.startedAt} detail={detail} onSelect={setSelected} />
        </div>
        {count > 0 && (
          <CommentsAround sessionId={session.id} startedAt={session.startedAt} minute={selected} lastMinute={count - 1} onSelect={setSelected} />
        )}
      </div>
    </section>
  );
}
