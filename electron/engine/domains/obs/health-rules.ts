import type { HealthFinding, HealthLevel, HealthThresholds, ObsHealthSample, ObsHealthState } from '../../../../shared/protocol/index.ts';

const RANK: Record<HealthLevel, number> = { green: 0, yellow: 1, red: 2 };

/** Level of a value where bigger is worse (cpu, skipped frames, congestion). */
function above(value: number, t: { warn: number; alarm: number }): HealthLevel {
  if (value >= t.alarm) return 'red';
  if (value >= t.warn) return 'yellow';
  return 'green';
}

/** Level of a value where smaller is worse (fps ratio, bitrate, free disk). */
function below(value: number, t: { warn: number; alarm: number }): HealthLevel {
  if (value < t.alarm) return 'red';
  if (value < t.warn) return 'yellow';
  return 'green';
}

/** Turn one sample into the lights the producer sees: the worst finding decides the overall level. */
export function assessHealth(sample: ObsHealthSample, t: HealthThresholds): ObsHealthState {
  const findings: HealthFinding[] = [];
  const add = (metric: HealthFinding['metric'], level: HealthLevel, value: number) => {
    if (level !== 'green') findings.push({ metric, level, value });
  };
  add('cpu', above(sample.cpuPercent, t.cpuPercent), sample.cpuPercent);
  if (sample.targetFps) add('fps', below(sample.fps / sample.targetFps, t.fpsRatio), sample.fps);
  add('render_skipped', above(sample.renderSkippedPct, t.skippedPct), sample.renderSkippedPct);
  add('output_skipped', above(sample.outputSkippedPct, t.skippedPct), sample.outputSkippedPct);
  if (sample.streamSkippedPct !== null) add('stream_skipped', above(sample.streamSkippedPct, t.skippedPct), sample.streamSkippedPct);
  if (sample.streamKbps !== null) add('bitrate', below(sample.streamKbps, t.minStreamKbps), sample.streamKbps);
  if (sample.congestion !== null) add('congestion', above(sample.congestion, t.congestion), sample.congestion);
  if (sample.diskFreeMb !== null) add('disk', below(sample.diskFreeMb, t.diskFreeMb), sample.diskFreeMb);
  findings.sort((a, b) => RANK[b.level] - RANK[a.level]);
  return { level: findings[0]?.level ?? 'green', findings, sample };
}

export interface FrameCounters {
  at: number;
  renderSkipped: number;
  renderTotal: number;
  outputSkipped: number;
  outputTotal: number;
  streamBytes: number | null;
  streamSkipped: number | null;
  streamTotal: number | null;
  recordBytes: number | null;
}

/** Percentage of `skipped` among `total` frames between two readings; 0 when nothing was rendered. */
export function skippedPct(prevSkipped: number, prevTotal: number, skipped: number, total: number): number {
  const frames = total - prevTotal;
  if (frames <= 0) return 0;
  return Math.max(0, ((skipped - prevSkipped) / frames) * 100);
}

/** Bitrate from byte counters between two readings, in kbit/s; null without two readings. */
export function kbps(prevBytes: number | null, bytes: number | null, elapsedMs: number): number | null {
  if (prevBytes === null || bytes === null || elapsedMs <= 0) return null;
  return Math.max(0, ((bytes - prevBytes) * 8) / elapsedMs); // bytes*8 bits / ms = kbit/s
}
