import type { KeyboardEvent, MouseEvent } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { minuteAtX, MINUTE_MS, niceAxis, peakMinute, type Band, type Tick } from './chart.ts';
import { MarkerLines, MarkerTicks, SegmentBands, SeriesShape, TimeAxis, ValueAxis, type SeriesId, type Shape } from './ChartParts.tsx';
import { formatTimeOfDay } from './format.ts';

/** Drawing units; the SVG scales to the width of the page, text with it. */
const VIEW_W = 960;
const VIEW_H = 200;
const MARGIN = { left: 60, right: 14, top: 22, bottom: 48 };
export const PLOT_W = VIEW_W - MARGIN.left - MARGIN.right;
export const PLOT_H = VIEW_H - MARGIN.top - MARGIN.bottom;

export interface MinuteChartProps {
  series: SeriesId;
  title: MessageKey;
  shape: Shape;
  values: readonly number[];
  /** Counts get whole-number ticks. */
  integer: boolean;
  /** Session start (engine clock): minute m starts at startedAt + m minutes. */
  startedAt: number;
  bands: readonly Band[];
  ticks: readonly Tick[];
  selected: number | null;
  onSelect: (minute: number) => void;
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  markerText: (tick: Tick) => string;
}

const STEP_KEYS: Readonly<Record<string, (current: number, last: number) => number>> = {
  ArrowRight: (c) => c + 1,
  ArrowLeft: (c) => c - 1,
  Home: () => 0,
  End: (_c, last) => last,
};

/** One per-minute curve: segment bands behind, event marks below; a click or an arrow key picks a minute. */
export function MinuteChart(props: MinuteChartProps) {
  const t = useT();
  const { series, values, startedAt, selected, onSelect } = props;
  const count = values.length;
  const axis = niceAxis(Math.max(0, ...values), 4, props.integer);
  const peak = peakMinute(values);
  const title = t(props.title);
  const timeOf = (minute: number) => formatTimeOfDay(startedAt + minute * MINUTE_MS, true);
  const peakText = peak === null ? null : { value: props.formatValue(values[peak] ?? 0), time: timeOf(peak) };

  const pick = (e: MouseEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSelect(minuteAtX(((e.clientX - box.left) / box.width) * PLOT_W, PLOT_W, count));
  };
  const step = (e: KeyboardEvent<SVGRectElement>) => {
    const move = STEP_KEYS[e.key];
    if (move === undefined || count === 0) return;
    e.preventDefault();
    onSelect(Math.min(count - 1, Math.max(0, move(selected ?? -1, count - 1))));
  };

  return (
    <figure className="review-chart" data-testid="review-chart" data-series={series} data-points={count}>
      <figcaption className="review-chart__caption">
        <span className="review-chart__title">{title}</span>
        {peakText !== null && <span className="review-chart__peak">{t('review.chart.peak', peakText)}</span>}
      </figcaption>
      <svg
        className="review-chart__svg"
        viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
        role="group"
        aria-label={peakText === null ? t('review.chart.none', { title }) : t('review.chart.summary', { title, peak: peakText.value, time: peakText.time })}
      >
        <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
          <SegmentBands bands={props.bands} height={PLOT_H} />
          <ValueAxis axis={axis} width={PLOT_W} height={PLOT_H} format={props.formatAxis} />
          <SeriesShape series={series} shape={props.shape} values={values} max={axis.max} width={PLOT_W} height={PLOT_H} />
          {selected !== null && selected < count && (
            <rect className="review-chart__selected" data-testid="review-chart-selected" x={(selected * PLOT_W) / count} y={0} width={PLOT_W / count} height={PLOT_H} />
          )}
          <MarkerLines ticks={props.ticks} height={PLOT_H} />
          <line className="review-chart__baseline" x1={0} x2={PLOT_W} y1={PLOT_H} y2={PLOT_H} />
          <rect
            className="review-chart__hit"
            data-testid="review-chart-hit"
            x={0}
            y={0}
            width={PLOT_W}
            height={PLOT_H}
            tabIndex={0}
            role="slider"
            aria-label={t('review.chart.pick', { title })}
            aria-valuemin={0}
            aria-valuemax={Math.max(0, count - 1)}
            aria-valuenow={selected ?? 0}
            aria-valuetext={selected === null ? t('review.chart.noneSelected') : timeOf(selected)}
            onClick={pick}
            onKeyDown={step}
          >
            <title>{t('review.chart.hint')}</title>
          </rect>
          <MarkerTicks ticks={props.ticks} top={PLOT_H} width={PLOT_W} count={count} onSelect={onSelect} text={props.markerText} />
          <TimeAxis count={count} width={PLOT_W} top={PLOT_H + 28} startedAt={startedAt} />
        </g>
      </svg>
    </figure>
  );
}
