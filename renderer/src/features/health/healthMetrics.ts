import type { HealthFinding, HealthLevel, HealthMetric, ObsHealthState } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { MessageParams } from '../../i18n/translate.ts';

/** The order the health panel lists the metrics in. */
export const HEALTH_METRICS: readonly HealthMetric[] = [
  'cpu',
  'fps',
  'render_skipped',
  'output_skipped',
  'stream_skipped',
  'bitrate',
  'congestion',
  'disk',
];

export interface Text {
  key: MessageKey;
  params: MessageParams;
}

export interface HealthRow {
  metric: HealthMetric;
  level: HealthLevel;
  /** The reading, ready to translate; null before the first sample. */
  value: Text | null;
}

/** A number rounded to at most `digits` decimals, without trailing zeros. */
export function round(value: number, digits: number): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

export function formatFreeDisk(mb: number): Text {
  return mb >= 1_024 ? { key: 'health.value.gb', params: { value: round(mb / 1_024, 1) } } : { key: 'health.value.mb', params: { value: round(mb, 0) } };
}

const percent = (value: number, digits: number): Text => ({ key: 'health.value.percent', params: { value: round(value, digits) } });
const NOT_STREAMING: Text = { key: 'health.value.notStreaming', params: {} };
const UNKNOWN: Text = { key: 'health.value.unknown', params: {} };

/** One metric's reading from a sample, in the units producers know (%, fps, kbit/s, GB). */
export function formatMetric(metric: HealthMetric, sample: NonNullable<ObsHealthState['sample']>): Text {
  switch (metric) {
    case 'cpu':
      return percent(sample.cpuPercent, 1);
    case 'fps':
      return sample.targetFps === null
        ? { key: 'health.value.fpsNoTarget', params: { fps: round(sample.fps, 2) } }
        : { key: 'health.value.fps', params: { fps: round(sample.fps, 2), target: round(sample.targetFps, 2) } };
    case 'render_skipped':
      return percent(sample.renderSkippedPct, 2);
    case 'output_skipped':
      return percent(sample.outputSkippedPct, 2);
    case 'stream_skipped':
      return sample.streamSkippedPct === null ? NOT_STREAMING : percent(sample.streamSkippedPct, 2);
    case 'bitrate':
      return sample.streamKbps === null ? NOT_STREAMING : { key: 'health.value.kbps', params: { value: round(sample.streamKbps, 0) } };
    case 'congestion':
      // OBS reports congestion from 0 to 1.
      return sample.congestion === null ? NOT_STREAMING : percent(sample.congestion * 100, 0);
    case 'disk':
      return sample.diskFreeMb === null ? UNKNOWN : formatFreeDisk(sample.diskFreeMb);
  }
}

export function metricLevel(findings: readonly HealthFinding[], metric: HealthMetric): HealthLevel {
  return findings.find((f) => f.metric === metric)?.level ?? 'green';
}

export function healthRows(health: ObsHealthState): HealthRow[] {
  const { sample } = health;
  return HEALTH_METRICS.map((metric) => ({
    metric,
    level: metricLevel(health.findings, metric),
    value: sample === null ? null : formatMetric(metric, sample),
  }));
}

/** The finding the alarm banner names: the worst red one (the engine lists findings worst first). */
export function alarmFinding(health: ObsHealthState): HealthFinding | null {
  if (health.level !== 'red') return null;
  return health.findings.find((f) => f.level === 'red') ?? null;
}
