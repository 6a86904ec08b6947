/* The engine's session API for the review (electron/engine/http/sessions-api.ts), every answer checked. */
import { z } from 'zod';
import { CommentEvent } from '../../../../shared/feeds/events.ts';
import { SessionAudience } from '../../../../shared/members/audience.ts';
import { API_PREFIX, SessionReview, SessionSummary } from '../../../../shared/protocol/index.ts';
import { apiDelete, apiDownload, apiGet, apiPostJsonText } from '../../app/api.ts';

const BASE = `${API_PREFIX}/sessions`;
const sessionPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;


export type CommentEvent = z.infer<typeof CommentEvent>;

const SessionList = z.array(SessionSummary);
const CommentList = z.array(CommentEvent);
const ImportDone = z.object({ ok: z.literal(true), id: z.string() });

/** Every session, newest first. */
export function fetchSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return apiGet(BASE, SessionList, signal);
}

/** The show's audience in member records (empty until a broadcast is fed back). */
export function fetchAudience(id: string, signal?: AbortSignal): Promise<SessionAudience> {
  return apiGet(`${sessionPath(id)}/audience`, SessionAudience, signal);
}

export function fetchReview(id: string, signal?: AbortSignal): Promise<SessionReview> {
  return apiGet(`${sessionPath(id)}/review`, SessionReview, signal);
}

/** Comments received in [from, to), oldest first: one page of at most REVIEW_COMMENTS_PAGE, from `offset`. */
export function fetchComments(id: string, from: number, to: number, signal?: AbortSignal, offset = 0): Promise<CommentEvent[]> {
  const query = new URLSearchParams({ from: String(Math.floor(from)), to: String(Math.ceil(to)), offset: String(offset) });
  return apiGet(`${sessionPath(id)}/comments?${query.toString()}`, CommentList, signal);
}

/** Sends an export.json back to the engine as it is; the engine checks it. Resolves with the new session's id. */
export async function importSession(text: string): Promise<string> {
  return (await apiPostJsonText(`${BASE}/import`, text, ImportDone)).id;
}

const Deleted = z.object({ ok: z.literal(true), id: z.string(), events: z.number() });

/** Deletes an ended session and its events; the engine refuses the one being recorded and broadcasts fed back into members. */
export function deleteSession(id: string): Promise<{ events: number }> {
  return apiDelete(sessionPath(id), Deleted);
}

export const EXPORTS = {
  json: { path: 'export.json', fallback: (id: string) => `cuedeck-session-${id}.json` },
  events: { path: 'export/events.csv', fallback: (id: string) => `cuedeck-${id}-events.csv` },
  segments: { path: 'export/segments.csv', fallback: (id: string) => `cuedeck-${id}-segments.csv` },
  orders: { path: 'export/orders.csv', fallback: (id: string) => `cuedeck-${id}-orders.csv` },
} as const;
export type ExportKind = keyof typeof EXPORTS;

export function downloadExport(id: string, kind: ExportKind): Promise<void> {
  const spec = EXPORTS[kind];
  return apiDownload(`${sessionPath(id)}/${spec.path}`, spec.fallback(id));
}
