import { describe, expect, it } from 'vitest';
import type { FeedDiagnostics } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import { addFormIssues, buildAddCommand, feedRows } from './feedRows.ts';
import { parseWholeNumber, SIMULATOR_LIMITS } from './simulatorInput.ts';

const config: FeedConfig = { id: 'dy', label: 'Douyin main', url: 'ws://relay:1', platform: 'douyin', protocol: 'cuedeck' };

function diag(feedId: string, extra: Partial<FeedDiagnostics> = {}): FeedDiagnostics {
  return { feedId, label: feedId, platform: 'douyin', protocol: 'cuedeck', url: 'ws://x', status: { phase: 'connected', since: 1 }, accepted: 0, rejected: {}, ...extra };
}

describe('feedRows', () => {
  it('lists saved relays with their diagnostics, then the simulator', () => {
    const rows = feedRows([config], [
      diag('simulator', { label: 'Simulator', accepted: 5 }),
      diag('dy', { accepted: 120, rejected: { schema: 2, duplicate: 7, too_large: 0 }, status: { phase: 'offline', since: 1, reason: 'unreachable', detail: 'ECONNREFUSED' } }),
    ]);
    expect(rows.map((r) => [r.id, r.removable, r.builtIn])).toEqual([
      ['dy', true, false],
      ['simulator', false, true],
    ]);
    expect(rows[0]).toMatchObject({
      phase: 'offline',
      reason: 'unreachable',
      detail: 'ECONNREFUSED',
      accepted: 120,
      rejectedTotal: 9,
      rejected: [
        { reason: 'duplicate', count: 7 },
        { reason: 'schema', count: 2 },
      ],
    });
  });

  it('shows a saved relay without diagnostics yet as waiting', () => {
    expect(feedRows([config], [])[0]).toMatchObject({ phase: 'unknown', accepted: 0, rejectedTotal: 0, rejected: [] });
  });

  it('keeps the connection attempt', () => {
    expect(feedRows([config], [diag('dy', { status: { phase: 'connecting', since: 1, attempt: 3 } })])[0]?.attempt).toBe(3);
  });
});

describe('buildAddCommand', () => {
  it('trims the fields and sends the TikTok handle without @ only for TikTok', () => {
    expect(buildAddCommand({ id: ' tt ', label: ' TT ', url: ' ws://r ', platform: 'tiktok', protocol: 'tiktok', uniqueId: ' @@shop ' })).toEqual({
      type: 'feeds.add',
      config: { id: 'tt', label: 'TT', url: 'ws://r', platform: 'tiktok', protocol: 'tiktok', uniqueId: 'shop' },
    });
    expect(buildAddCommand({ id: 'a', label: 'A', url: 'ws://r', platform: 'douyin', protocol: 'cuedeck', uniqueId: 'left over' })).toEqual({
      type: 'feeds.add',
      config: { id: 'a', label: 'A', url: 'ws://r', platform: 'douyin', protocol: 'cuedeck' },
    });
  });
});

describe('addFormIssues', () => {
  it('ties validation issues to the fields they name', () => {
    const issues = addFormIssues(
      {
        code: 'bad_request',
        message: 'Invalid command: …',
        issues: ['config.url: must start with http(s):// or ws(s):// and name a host', 'config.uniqueId: a TikTok relay needs the streamer handle', '(command): odd'],
      },
      { id: 'x' },
    );
    expect(issues).toEqual([
      { field: 'url', message: 'must start with http(s):// or ws(s):// and name a host' },
      { field: 'uniqueId', message: 'a TikTok relay needs the streamer handle' },
      { field: null, message: '(command): odd' },
    ]);
  });

  it('names the id field when the simulator id is refused', () => {
    const error = { code: 'bad_request' as const, message: '"simulator" is reserved for the built-in simulator' };
    expect(addFormIssues(error, { id: ' simulator ' })).toEqual([{ field: 'id', message: error.message }]);
    expect(addFormIssues({ code: 'internal', message: 'Not connected' }, { id: 'a' })).toEqual([{ field: null, message: 'Not connected' }]);
  });
});

describe('parseWholeNumber', () => {
  it('accepts whole numbers within bounds only', () => {
    expect(parseWholeNumber(' 200 ', SIMULATOR_LIMITS.rate)).toBe(200);
    expect(parseWholeNumber('0', SIMULATOR_LIMITS.rate)).toBeNull();
    expect(parseWholeNumber('5001', SIMULATOR_LIMITS.rate)).toBeNull();
    expect(parseWholeNumber('1.5', SIMULATOR_LIMITS.rate)).toBeNull();
    expect(parseWholeNumber('', SIMULATOR_LIMITS.rate)).toBeNull();
    expect(parseWholeNumber('-1', SIMULATOR_LIMITS.seed)).toBeNull();
    expect(parseWholeNumber('0', SIMULATOR_LIMITS.seed)).toBe(0);
  });
});
