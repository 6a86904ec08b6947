/* The engine's member API (electron/engine/domains/members/members-api.ts), every answer checked. */
import { z } from 'zod';
import type { AutoTag } from '../../../../shared/members/auto-tags.ts';
import type { PromotionSelection } from '../../../../shared/members/commands.ts';
import { FeedBackResult } from '../../../../shared/members/feedback.ts';
import { MemberHealth } from '../../../../shared/members/health.ts';
import { ImportIssue, ImportOutcome, type ImportKind, type ImportMode } from '../../../../shared/members/import.ts';
import { LookupResult, Member, MemberSummary, type LookupRequest, type MemberCard } from '../../../../shared/members/member.ts';
import { PromotionGrant } from '../../../../shared/members/promotions.ts';
import { TierRules, TierShares } from '../../../../shared/members/tiers.ts';
import { API_PREFIX, SessionSummary } from '../../../../shared/protocol/index.ts';
import { ApiError, apiDownload, apiGet, apiPost, currentToken, errorFromResponse } from '../../app/api.ts';

const BASE = `${API_PREFIX}/members`;
export const memberPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
export const MEMBERS_EXPORT_PATH = `${BASE}/export.csv`;

/** A search hit: effective tier, tags (manual and automatic), lifetime and 12-month spend. */
export const MemberHit = MemberSummary;
export type MemberHit = MemberSummary;

export const MemberAudit = z.object({
  kind: z.string(),
  target_id: z.string(),
  source_id: z.string(),
  account: z.string().nullable(),
  at: z.number(),
  reason: z.string(),
  details: z.unknown(),
});
export type MemberAudit = z.infer<typeof MemberAudit>;

/** Search; with `autoTag`, only members carrying that automatic tag. */
export function searchMembers(query: string, signal?: AbortSignal, autoTag?: AutoTag | null): Promise<MemberHit[]> {
  const q = new URLSearchParams({ q: query.trim() });
  if (autoTag) q.set('autoTag', autoTag);
  return apiGet(`${BASE}?${q.toString()}`, z.array(MemberHit), signal);
}

/** Temporary promotions not over yet for at least one member, newest first. */
export function fetchPromotionGrants(signal?: AbortSignal): Promise<PromotionGrant[]> {
  return apiGet(`${BASE}/promotions`, z.array(PromotionGrant), signal);
}

/** How many members a promotion selection matches now. */
export async function fetchSelectionCount(selection: PromotionSelection, signal?: AbortSignal): Promise<number> {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(selection)) if (typeof value === 'string' && value !== '') q.set(key, value);
  return (await apiGet(`${BASE}/selection?${q.toString()}`, z.object({ count: z.number() }), signal)).count;
}

export function fetchMember(id: string, signal?: AbortSignal): Promise<Member> {
  return apiGet(memberPath(id), Member, signal);
}

export function fetchAudit(id: string, signal?: AbortSignal): Promise<MemberAudit[]> {
  return apiGet(`${memberPath(id)}/audit`, z.array(MemberAudit), signal);
}

/** LTV, repurchase and churn over all members. */
export function fetchMemberHealth(signal?: AbortSignal): Promise<MemberHealth> {
  return apiGet(`${BASE}/health`, MemberHealth, signal);
}

export function fetchTierShares(signal?: AbortSignal): Promise<TierShares> {
  return apiGet(`${BASE}/tier-shares`, TierShares, signal);
}

export function fetchTierRules(signal?: AbortSignal): Promise<TierRules> {
  return apiGet(`${BASE}/tier-rules`, TierRules, signal);
}

/** What feeding a session back would change (a dry run: nothing is written), or that it was already fed back. */
export function fetchFeedBackPreview(sessionId: string, signal?: AbortSignal): Promise<FeedBackResult> {
  return apiGet(`${BASE}/feedback/${encodeURIComponent(sessionId)}`, FeedBackResult, signal);
}

export function fetchSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return apiGet(`${API_PREFIX}/sessions`, z.array(SessionSummary), signal);
}

/** Member cards for platform accounts (at most LOOKUP_MAX per call), keyed by identityKey. */
export async function lookupMembers(accounts: LookupRequest): Promise<Record<string, MemberCard>> {
  return (await apiPost(`${BASE}/lookup`, accounts, LookupResult)).members;
}

export function downloadMembersCsv(): Promise<void> {
  return apiDownload(MEMBERS_EXPORT_PATH, `cuedeck-members-${new Date().toISOString().slice(0, 10)}.csv`);
}

/** The answer of an import: what it does (or did), or every error in the file with its line and column. */
export type ImportAnswer = { ok: true; outcome: ImportOutcome } | { ok: false; errors: ImportIssue[] };

const ImportDone = z.object({ ok: z.literal(true), outcome: ImportOutcome });
const ImportRejected = z.object({ ok: z.literal(false), errors: z.array(ImportIssue) });

/**
 * Sends a CSV file as it is (the engine reads UTF-8, or GB18030 as Chinese Excel writes it). 422 answers list the
 * file's errors; any other failure throws an ApiError.
 */
export async function postImport(kind: ImportKind, mode: ImportMode, file: Blob): Promise<ImportAnswer> {
  const token = currentToken();
  if (token === null) throw new ApiError(401, 'unauthorized', 'No access token');
  const q = new URLSearchParams({ kind, mode });
  let res: Response;
  try {
    res = await fetch(`${BASE}/import?${q.toString()}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: file,
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, 'offline', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 422) {
    const rejected = ImportRejected.safeParse(body);
    if (rejected.success) return { ok: false, errors: rejected.data.errors };
  }
  if (!res.ok) throw errorFromResponse(res.status, body);
  const done = ImportDone.safeParse(body);
  if (!done.success) throw new ApiError(res.status, 'bad_response', 'The engine sent an answer this page does not understand');
  return { ok: true, outcome: done.data.outcome };
}
