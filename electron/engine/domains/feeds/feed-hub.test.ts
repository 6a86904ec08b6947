import { describe, expect, it } from 'vitest';
import { FeedDiagnostics, type FeedStatus } from '../../../../shared/feeds/diagnostics.ts';
import type { FeedEvent } from '../../../../shared/feeds/events.ts';
import type { FeedConfig } from '../../../../shared/feeds/feed-config.ts';
import { createLogger } from '../../log.ts';
import { FeedHub, type FeedConnection, type FeedConnectionSink } from './feed-hub.ts';
import type { RelayStats } from './relay-connection.ts';

class FakeConnection implements FeedConnection {
  status: FeedStatus = { phase: 'offline', since: 0, reason: 'not_started' };
  stats: RelayStats = { received: 0, accepted: 0, rejected: {} };
  started = false;
  stopped = false;
  readonly sink: FeedConnectionSink;

  constructor(sink: FeedConnectionSink) {
    this.sink = sink;
  }

  start(): void {
    this.started = true;
    this.setStatus({ phase: 'connected', since: 1 });
  }

  stop(): void {
    this.stopped = true;
  }

  setStatus(status: FeedStatus): void {
    this.status = status;
    this.sink.onStatus?.(status);
  }

  deliver(event: FeedEvent): void {
    this.sink.onEvent(event);
  }
}

const config = (id: string, platform: FeedConfig['platform'] = 'douyin'): FeedConfig => ({ id, label: id.toUpperCase(), url: `http://relay-${id}:1`, platform, protocol: 'cuedeck' });
const comment = (id: string, feedId: string): FeedEvent => ({ type: 'comment', id, feedId, platform: 'douyin', at: 5, userId: 'u', nickname: 'n', text: 't' });

function setup(dedupeWindow?: number) {
  const connections = new Map<string, FakeConnection>();
  const logLines: string[] = [];
  const hub = new FeedHub({
    dedupeWindow,
    log: createLogger('test', (line) => logLines.push(line)),
    createConnection: (c, sink) => {
      const connection = new FakeConnection(sink);
      connections.set(c.id, connection);
      return connection;
    },
  });
  const received: FeedEvent[] = [];
  hub.subscribe((e) => received.push(e));
  const conn = (id: string) => {
    const c = connections.get(id);
    if (!c) throw new Error(`no connection ${id}`);
    return c;
  };
  return { hub, conn, received, logLines };
}

describe('FeedHub', () => {
  it('delivers each event once across simulcast relays and counts duplicates per feed', () => {
    const { hub, conn, received } = setup();
    hub.add(config('a'));
    hub.add(config('b'));
    conn('a').deliver(comment('douyin:comment:1', 'a'));
    conn('b').deliver(comment('douyin:comment:1', 'b'));
    conn('b').deliver(comment('douyin:comment:2', 'b'));
    conn('a').deliver(comment('douyin:comment:2', 'a'));
    expect(received.map((e) => `${e.id}@${e.feedId}`)).toEqual(['douyin:comment:1@a', 'douyin:comment:2@b']);
    const [a, b] = hub.diagnostics();
    expect(a).toMatchObject({ feedId: 'a', accepted: 1, rejected: { duplicate: 1 }, lastEventAt: 5, status: { phase: 'connected' } });
    expect(b).toMatchObject({ feedId: 'b', accepted: 1, rejected: { duplicate: 1 } });
    for (const d of hub.diagnostics()) expect(FeedDiagnostics.parse(d)).toEqual(d);
  });

  it('merges the connection’s own reject counts and last error into diagnostics', () => {
    const { hub, conn } = setup();
    hub.add(config('a'));
    conn('a').stats = { received: 9, accepted: 3, rejected: { schema: 4, duplicate: 2 }, lastError: { at: 3, message: 'transport close' } };
    conn('a').deliver(comment('x:1', 'a'));
    conn('a').deliver(comment('x:1', 'a'));
    expect(hub.diagnostics()[0]).toMatchObject({ rejected: { schema: 4, duplicate: 3 }, lastError: { at: 3, message: 'transport close' } });
  });

  it('keeps dedupe across a feed being replaced (a relay restart resending history)', () => {
    const { hub, conn, received } = setup();
    hub.add(config('a'));
    conn('a').deliver(comment('x:1', 'a'));
    const old = conn('a');
    hub.add(config('a'));
    expect(old.stopped).toBe(true);
    old.deliver(comment('x:2', 'a')); // a late event from the replaced connection is ignored
    conn('a').deliver(comment('x:1', 'a'));
    conn('a').deliver(comment('x:3', 'a'));
    expect(received.map((e) => e.id)).toEqual(['x:1', 'x:3']);
  });

  it('isolates a failing subscriber', () => {
    const { hub, conn, received, logLines } = setup();
    hub.subscribe(() => {
      throw new Error('disk full');
    });
    hub.add(config('a'));
    conn('a').deliver(comment('x:1', 'a'));
    conn('a').deliver(comment('x:2', 'a'));
    expect(received).toHaveLength(2);
    expect(logLines.filter((l) => l.includes('disk full'))).toHaveLength(2);
  });

  it('reports status changes and logs a relay that stays down once', () => {
    const { hub, conn, logLines } = setup();
    const seen: string[] = [];
    hub.onStatus((id, s) => seen.push(`${id}:${s.phase}`));
    hub.add(config('a'));
    const down: FeedStatus = { phase: 'offline', since: 2, reason: 'unreachable', detail: 'ECONNREFUSED' };
    conn('a').setStatus(down);
    conn('a').setStatus({ phase: 'connecting', since: 3, attempt: 1 });
    conn('a').setStatus(down);
    expect(seen).toEqual(['a:connected', 'a:offline', 'a:connecting', 'a:offline']);
    expect(logLines.filter((l) => l.includes('offline: unreachable'))).toHaveLength(1);
  });

  it('removes and stops feeds', () => {
    const { hub, conn } = setup();
    hub.add(config('a'));
    hub.add(config('b'));
    expect(hub.feedIds()).toEqual(['a', 'b']);
    expect(hub.remove('a')).toBe(true);
    expect(hub.remove('a')).toBe(false);
    hub.stop();
    expect(conn('b').stopped).toBe(true);
    expect(hub.diagnostics()).toEqual([]);
  });

  it('forgets beyond its dedupe window', () => {
    const { hub, conn, received } = setup(2);
    hub.add(config('a'));
    for (const id of ['1', '2', '3', '1']) conn('a').deliver(comment(id, 'a'));
    expect(received.map((e) => e.id)).toEqual(['1', '2', '3', '1']);
  });
});
