import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { API_PREFIX, REVIEW_COMMENTS_PAGE, SessionKind } from '../../../shared/protocol/index.ts';
import { serializeCsv } from '../../../shared/show/csv.ts';
import { buildReview, parseEvents, replayMetrics, summarizeSession } from '../domains/sessions/review.ts';
import type { SessionAudienceReader } from '../domains/members/session-audience.ts';
import type { SessionRepository, SessionRow } from '../domains/sessions/session-repository.ts';
import { BodyError, readJsonBody, sendError, sendJson, type ApiRoutes } from './api.ts';

const BASE = `${API_PREFIX}/sessions`;
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The JSON export of a whole session; importing it back restores the session exactly. */
export const SessionExport = z.object({
  format: z.literal('cuedeck.session'),
  version: z.literal(1),
  session: z.object({
    id: z.string().min(1).max(100),
    kind: SessionKind,
    title: z.string().max(500),
    show_json: z.string(),
    started_at: z.number(),
    ended_at: z.number().nullable(),
    summary_json: z.string().nullable(),
    costs_json: z.string().nullable(),
  }),
  events: z.array(z.object({ seq: z.number().int(), at: z.number(), kind: z.string().max(100), ref: z.string().nullable(), data: z.string() })),
});

function sendText(res: ServerResponse, type: string, filename: string, body: string): void {
  res.writeHead(200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

const LIST_EVENT_KINDS = ['feed.comment', 'feed.viewers', 'feed.order', 'feed.orderUpdate', 'feed.like', 'feed.gift', 'feed.follow', 'feed.share', 'feed.enter'];

/** Sessions for the review (复盘): list, review, comments around a moment, exports, import and delete. */
export interface SessionsRoutesOptions {
  now?: () => number;
  /** Reads a broadcast's audience from member records (GET …/audience). */
  audience?: SessionAudienceReader;
  /** True while the session is being fed back into member records (it must not be deleted meanwhile). */
  feedingBack?: (sessionId: string) => boolean;
  /** True once the session's outcomes are in member records (deleting it would leave their totals without a source). */
  fedBack?: (sessionId: string) => boolean;
}

export function createSessionsRoutes(repo: SessionRepository, { now = Date.now, audience, feedingBack = () => false, fedBack = () => false }: SessionsRoutesOptions = {}): ApiRoutes {
  // An ended session's events never change, so its figures are replayed once, not on every list request.
  const endedFigures = new Map<string, { endedAt: number; metrics: ReturnType<typeof replayMetrics> }>();
  const figuresOf = (row: SessionRow) => {
    const cached = endedFigures.get(row.id);
    if (cached && cached.endedAt === row.ended_at) return cached.metrics;
    const metrics = replayMetrics(parseEvents(repo.events(row.id, LIST_EVENT_KINDS)), row.ended_at ?? now());
    if (row.ended_at !== null) endedFigures.set(row.id, { endedAt: row.ended_at, metrics });
    return metrics;
  };

  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (!pathname.startsWith(BASE)) return false;
    const rest = pathname.slice(BASE.length).split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';

    if (rest.length === 0 && method === 'GET') {
      const list = repo.list().map((row) => summarizeSession(row, figuresOf(row), now()));
      sendJson(res, 200, list);
      return true;
    }
    if (rest.length === 1 && rest[0] === 'import' && method === 'POST') {
      let body: unknown;
      try {
        body = await readJsonBody(req, MAX_IMPORT_BYTES);
      } catch (error) {
        if (error instanceof BodyError) return sendError(res, 'bad_request', error.message, error.status), true;
        throw error;
      }
      const parsed = SessionExport.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 50).map((i) => `${i.path.join('.')}: ${i.message}`);
        sendJson(res, 400, { ok: false, error: { code: 'import_failed', message: 'Not a Cuedeck session export; nothing was imported.', issues } });
        return true;
      }
      if (repo.get(parsed.data.session.id)) {
        sendJson(res, 409, { ok: false, error: { code: 'conflict', message: 'That session is already here; nothing was imported.' } });
        return true;
      }
      repo.importSession(parsed.data.session, parsed.data.events);
      sendJson(res, 200, { ok: true, id: parsed.data.session.id });
      return true;
    }

    const id = rest[0];
    const session = id ? repo.get(id) : undefined;
    if (!id || !session) {
      sendError(res, 'not_found', `There is no session "${id ?? ''}"`);
      return true;
    }
    const action = rest.slice(1).join('/');
    if (method === 'DELETE' && action === '') {
      if (session.ended_at === null) {
        sendError(res, 'conflict', 'This session is still being recorded; end the show before deleting it.');
      } else if (feedingBack(id)) {
        sendError(res, 'conflict', 'This broadcast is being fed back into member records right now; nothing was deleted.');
      } else if (fedBack(id)) {
        sendError(res, 'conflict', 'This broadcast was fed back into member records; deleting it would leave their totals without a source. Nothing was deleted.');
      } else {
        const events = repo.delete(id);
        endedFigures.delete(id);
        sendJson(res, 200, { ok: true, id, events });
      }
      return true;
    }
    if (method !== 'GET') {
      res.writeHead(405, { Allow: action === '' ? 'GET, DELETE' : 'GET' }).end();
      return true;
    }
    if (action === 'review') {
      sendJson(res, 200, buildReview({ session, events: repo.events(id), now: now() }));
    } else if (action === 'audience' && audience) {
      sendJson(res, 200, audience.read(id, { startedAt: session.started_at, endedAt: session.ended_at ?? now() }, now()));
    } else if (action === 'comments') {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const from = Number(url.searchParams.get('from') ?? session.started_at);
      const to = Number(url.searchParams.get('to') ?? from + 60_000);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (![from, to, offset].every(Number.isSafeInteger) || offset < 0) {
        sendError(res, 'bad_request', 'from, to and offset must be whole numbers (offset ≥ 0)');
        return true;
      }
      sendJson(res, 200, repo.eventsBetween(id, 'feed.comment', from, to, REVIEW_COMMENTS_PAGE, offset).map((e) => JSON.parse(e.data) as unknown));
    } else if (action === 'export.json') {
      sendText(res, 'application/json', `cuedeck-session-${id}.json`, JSON.stringify({ format: 'cuedeck.session', version: 1, session, events: repo.events(id) }));
    } else if (action === 'export/events.csv') {
      const rows = repo.events(id).map((e) => [String(e.seq), new Date(e.at).toISOString(), e.kind, e.ref ?? '', e.data]);
      sendText(res, 'text/csv', `cuedeck-${id}-events.csv`, serializeCsv([['seq', 'time', 'kind', 'ref', 'data'], ...rows], { bom: true }));
    } else if (action === 'export/segments.csv') {
      const review = buildReview({ session, events: repo.events(id), now: now() });
      const rows = review.segments.map((s) => [
        s.title,
        s.kind,
        String(Math.round(s.plannedMs / 1000)),
        s.actualMs === null ? '' : String(Math.round(s.actualMs / 1000)),
        s.startedAt === null ? '' : new Date(s.startedAt).toISOString(),
        String(s.comments),
        String(s.orders),
        s.gmv.toFixed(2),
      ]);
      sendText(res, 'text/csv', `cuedeck-${id}-segments.csv`, serializeCsv([['segment', 'kind', 'planned_s', 'actual_s', 'started', 'comments', 'orders', 'gmv'], ...rows], { bom: true }));
    } else if (action === 'export/orders.csv') {
      const rows = repo.events(id, ['feed.order', 'feed.orderUpdate']).map((e) => {
        const d = JSON.parse(e.data) as Record<string, unknown>;
        const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
        return [new Date(e.at).toISOString(), e.kind === 'feed.order' ? 'paid' : text(d.status), text(d.orderId), text(d.platform), text(d.userId), text(d.sku), text(d.quantity), text(d.amount), text(d.currency)];
      });
      sendText(res, 'text/csv', `cuedeck-${id}-orders.csv`, serializeCsv([['time', 'status', 'order_id', 'platform', 'user_id', 'sku', 'quantity', 'amount', 'currency'], ...rows], { bom: true }));
    } else {
      sendError(res, 'not_found', `No such session resource: ${action}`);
    }
    return true;
  };
}
