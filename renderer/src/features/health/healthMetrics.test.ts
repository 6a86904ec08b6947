import { describe, expect, it } from 'vitest';
import type { ObsHealthSample, ObsHealthState } from '../../../../shared/protocol/index.ts';
import { alarmFinding, formatFreeDisk, formatMetric, healthRows, round } from './healthMetrics.ts';

const sample: ObsHealthSample = {
  at: 1,
  cpuPercent: 12.345,
  memoryMb: 300,
  fps: 29.97,
  targetFps: 30,
  averageFrameRenderMs: 2,
  renderSkippedPct: 0,
  outputSkippedPct: 0.456,
  streamSkippedPct: null,
  streamKbps: null,
  recordKbps: null,
  congestion: null,
  diskFreeMb: 20_480,
};

describe('round', () => {
  it('keeps at most the given decimals, without trailing zeros', () => {
    expect(round(12.345, 1)).toBe('12.3');
    expect(round(30, 2)).toBe('30');
    expect(round(2499.6, 0)).toBe('2500');
  });
});

describe('formatMetric', () => {
  it('formats each reading in its unit', () => {
    expect(formatMetric('cpu', sample)).toEqual({ key: 'health.value.percent', params: { value: '12.3' } });
    expect(formatMetric('fps', sample)).toEqual({ key: 'health.value.fps', params: { fps: '29.97', target: '30' } });
    expect(formatMetric('fps', { ...sample, targetFps: null })).toEqual({ key: 'health.value.fpsNoTarget', params: { fps: '29.97' } });
    expect(formatMetric('output_skipped', sample)).toEqual({ key: 'health.value.percent', params: { value: '0.46' } });
    expect(formatMetric('bitrate', { ...sample, streamKbps: 2499.6 })).toEqual({ key: 'health.value.kbps', params: { value: '2500' } });
    expect(formatMetric('congestion', { ...sample, congestion: 0.234 })).toEqual({ key: 'health.value.percent', params: { value: '23' } });
  });

  it('says "not streaming" for stream readings while off air', () => {
    for (const metric of ['bitrate', 'congestion', 'stream_skipped'] as const) {
      expect(formatMetric(metric, sample).key).toBe('health.value.notStreaming');
    }
    expect(formatMetric('disk', { ...sample, diskFreeMb: null }).key).toBe('health.value.unknown');
  });

  it('shows free disk in GB from 1 GB up, in MB below', () => {
    expect(formatFreeDisk(20_480)).toEqual({ key: 'health.value.gb', params: { value: '20' } });
    expect(formatFreeDisk(1_536)).toEqual({ key: 'health.value.gb', params: { value: '1.5' } });
    expect(formatFreeDisk(800.4)).toEqual({ key: 'health.value.mb', params: { value: '800' } });
  });
});

describe('healthRows and alarmFinding', () => {
  const health: ObsHealthState = {
    level: 'red',
    findings: [
      { metric: 'disk', level: 'red', value: 500 },
      { metric: 'cpu', level: 'yellow', value: 75 },
    ],
    sample,
  };

  it('lists every metric with the level of its finding, green otherwise', () => {
    const rows = healthRows(health);
    expect(rows.map((r) => r.metric)).toEqual(['cpu', 'fps', 'render_skipped', 'output_skipped', 'stream_skipped', 'bitrate', 'congestion', 'disk']);
    expect(rows.find((r) => r.metric === 'disk')?.level).toBe('red');
    expect(rows.find((r) => r.metric === 'cpu')?.level).toBe('yellow');
    expect(rows.find((r) => r.metric === 'fps')?.level).toBe('green');
  });

  it('has no values before the first sample', () => {
    expect(healthRows({ level: 'green', findings: [], sample: null }).every((r) => r.value === null)).toBe(true);
  });

  it('names the worst red metric, and nothing unless the level is red', () => {
    expect(alarmFinding(health)?.metric).toBe('disk');
    expect(alarmFinding({ ...health, level: 'yellow', findings: [{ metric: 'cpu', level: 'yellow', value: 75 }] })).toBeNull();
  });
});
