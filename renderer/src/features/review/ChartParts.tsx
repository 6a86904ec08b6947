/* The layers of a minute chart, each drawn in plot coordinates (0,0 top left of the plot). */
import {
  areaPath,
  bars,
  fitLabel,
  linePath,
  minuteAtX,
  minuteTicks,
  MINUTE_MS,
  yOf,
  type Axis,
  type Band,
  type Tick,
} from './chart.ts';
import { formatDuration, formatTimeOfDay, isolate } from './format.ts';

export type SeriesId = 'viewers' | 'comments' | 'orders' | 'gmv';
export type Shape = 'area' | 'line' | 'bars';

const BAND_FONT = 11;

/** Alternating shades behind the curve, one per segment that ran, titled above the plot. */
export function SegmentBands({ bands, height }: { bands: readonly Band[]; height: number }) {
  return (
    <g className="review-chart__bands">
      {bands.map((b) => (
        <rect key={b.segmentId} className={`review-chart__band review-chart__band--${b.index % 2}`} x={b.x} y={0} width={b.width} height={height} />
      ))}
      {bands.map((b) => {
        const label = fitLabel(b.title, b.width - 6, BAND_FONT);
        return (
          <text key={b.segmentId} className="review-chart__band-label" x={b.x + 3} y={-7} fontSize={BAND_FONT}>
            <title>{isolate(b.title)}</title>
            {label === '' ? '' : isolate(label)}
          </text>
        );
      })}
    </g>
  );
}

/** Horizontal grid lines with their values on the left. */
export function ValueAxis({ axis, width, height, format }: { axis: Axis; width: number; height: number; format: (value: number) => string }) {
  return (
    <g className="review-chart__grid">
      {axis.ticks.map((v) => {
        const y = yOf(v, axis.max, height);
        return (
          <g key={v}>
            <line x1={0} x2={width} y1={y} y2={y} />
            <text x={-8} y={y + 4} textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The values themselves: a shaded area, a line, or one bar per minute. */
export function SeriesShape({ series, shape, values, max, width, height }: { series: SeriesId; shape: Shape; values: readonly number[]; max: number; width: number; height: number }) {
  if (shape === 'bars') {
    return (
      <g>
        {bars(values, width, height, max).map((b) => (
          <rect key={b.minute} className={`review-chart__bar review-chart__bar--${series}`} x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
      </g>
    );
  }
  return (
    <g>
      {shape === 'area' && <path className={`review-chart__area review-chart__area--${series}`} d={areaPath(values, width, height, max)} />}
      <path className={`review-chart__line review-chart__line--${series}`} d={linePath(values, width, height, max)} />
    </g>
  );
}

/** A dashed line through the plot at each event, so it can be read against the curve. */
export function MarkerLines({ ticks, height }: { ticks: readonly Tick[]; height: number }) {
  return (
    <g>
      {ticks.map((tick, i) => (
        <line key={i} className={`review-chart__marker-line review-marker--${tick.marker.kind}`} x1={tick.x} x2={tick.x} y1={0} y2={height} />
      ))}
    </g>
  );
}

/** A small mark under the plot at each event; hovering names it, clicking picks its minute. */
export function MarkerTicks({
  ticks,
  top,
  width,
  count,
  onSelect,
  text,
}: {
  ticks: readonly Tick[];
  top: number;
  width: number;
  count: number;
  onSelect: (minute: number) => void;
  text: (tick: Tick) => string;
}) {
  return (
    <g>
      {ticks.map((tick, i) => (
        <path
          key={i}
          className={`review-chart__marker review-marker--${tick.marker.kind}`}
          data-testid="review-marker"
          data-kind={tick.marker.kind}
          d={`M${tick.x} ${top + 3}l-5 9h10z`}
          onClick={() => onSelect(minuteAtX(tick.x, width, count))}
        >
          <title>{text(tick)}</title>
        </path>
      ))}
    </g>
  );
}

/** Time along the bottom: time since the start, and the time of day under it. */
export function TimeAxis({ count, width, top, startedAt }: { count: number; width: number; top: number; startedAt: number }) {
  const slot = count > 0 ? width / count : width;
  return (
    <g>
      {minuteTicks(count).map((m) => {
        const x = m * slot;
        return (
          <text key={m} className="review-chart__time" x={x} y={top} textAnchor={m === 0 ? 'start' : m === count ? 'end' : 'middle'}>
            <tspan className="review-chart__elapsed">{formatDuration(m * MINUTE_MS)}</tspan>
            <tspan x={x} dy={13}>
              {formatTimeOfDay(startedAt + m * MINUTE_MS)}
            </tspan>
          </text>
        );
      })}
    </g>
  );
}
