import type { FeedDiagnostics, FeedOfflineReason, RejectReason } from '../../../../shared/feeds/diagnostics.ts';
import type { Platform } from '../../../../shared/feeds/events.ts';
import type { FeedConfig, RelayProtocol } from '../../../../shared/feeds/feed-config.ts';
import type { CommandError, CommandInput } from '../../../../shared/protocol/index.ts';

/** The engine's id for its built-in simulator feed (electron/engine/domains/feeds/feeds-service.ts). */
export const SIMULATOR_FEED_ID = 'simulator';

export type FeedPhase = 'connected' | 'connecting' | 'offline' | 'unknown';

export interface FeedRowView {
  id: string;
  label: string;
  platform: Platform;
  protocol: RelayProtocol;
  url: string;
  uniqueId: string | null;
  /** The built-in simulator: stopped from its own controls, not removed. */
  builtIn: boolean;
  /** A saved relay the producer can remove. */
  removable: boolean;
  phase: FeedPhase;
  reason: FeedOfflineReason | null;
  detail: string | null;
  attempt: number | null;
  accepted: number;
  rejectedTotal: number;
  /** Per reason, most frequent first. */
  rejected: { reason: RejectReason; count: number }[];
  lastEventAt: number | null;
  lastError: { at: number; message: string } | null;
}

function fromDiagnostics(d: FeedDiagnostics | undefined): Pick<
  FeedRowView,
  'phase' | 'reason' | 'detail' | 'attempt' | 'accepted' | 'rejectedTotal' | 'rejected' | 'lastEventAt' | 'lastError'
> {
  if (d === undefined) {
    return { phase: 'unknown', reason: null, detail: null, attempt: null, accepted: 0, rejectedTotal: 0, rejected: [], lastEventAt: null, lastError: null };
  }
  const rejected = (Object.entries(d.rejected) as [RejectReason, number | undefined][])
    .filter((e): e is [RejectReason, number] => typeof e[1] === 'number' && e[1] > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const s = d.status;
  return {
    phase: s.phase,
    reason: s.phase === 'offline' ? s.reason : null,
    detail: s.phase === 'offline' ? (s.detail ?? null) : null,
    attempt: s.phase === 'connecting' ? s.attempt : null,
    accepted: d.accepted,
    rejectedTotal: rejected.reduce((sum, r) => sum + r.count, 0),
    rejected,
    lastEventAt: d.lastEventAt ?? null,
    lastError: d.lastError ?? null,
  };
}

/** Saved relays in their saved order (with their diagnostics once the engine has some), then the simulator. */
export function feedRows(configs: readonly FeedConfig[], diagnostics: readonly FeedDiagnostics[]): FeedRowView[] {
  const byId = new Map(diagnostics.map((d) => [d.feedId, d]));
  const saved = new Set(configs.map((c) => c.id));
  const rows: FeedRowView[] = configs.map((c) => ({
    id: c.id,
    label: c.label,
    platform: c.platform,
    protocol: c.protocol,
    url: c.url,
    uniqueId: c.uniqueId ?? null,
    builtIn: false,
    removable: true,
    ...fromDiagnostics(byId.get(c.id)),
  }));
  for (const d of diagnostics) {
    if (saved.has(d.feedId)) continue;
    rows.push({
      id: d.feedId,
      label: d.label,
      platform: d.platform,
      protocol: d.protocol,
      url: d.url,
      uniqueId: null,
      builtIn: d.feedId === SIMULATOR_FEED_ID,
      removable: false,
      ...fromDiagnostics(d),
    });
  }
  return rows;
}

// ---- the add form -------------------------------------------------------------------------------------------

export const FEED_FIELDS = ['id', 'label', 'url', 'platform', 'protocol', 'uniqueId'] as const;
export type FeedField = (typeof FEED_FIELDS)[number];

export interface FeedDraft {
  id: string;
  label: string;
  url: string;
  platform: Platform;
  protocol: RelayProtocol;
  uniqueId: string;
}

/** The `feeds.add` command for a draft: fields trimmed, the TikTok handle without its @ and sent only for TikTok. */
export function buildAddCommand(draft: FeedDraft): CommandInput {
  const uniqueId = draft.uniqueId.trim().replace(/^@+/, '');
  return {
    type: 'feeds.add',
    config: {
      id: draft.id.trim(),
      label: draft.label.trim(),
      url: draft.url.trim(),
      platform: draft.platform,
      protocol: draft.protocol,
      ...(draft.protocol === 'tiktok' && uniqueId !== '' ? { uniqueId } : {}),
    },
  };
}

export interface FieldIssue {
  /** The form field the engine complained about; null when it names none of them. */
  field: FeedField | null;
  message: string;
}

function isFeedField(name: string | undefined): name is FeedField {
  return (FEED_FIELDS as readonly string[]).includes(name ?? '');
}

/**
 * The engine's refusal as one issue per problem, each tied to a form field when it names one. Validation issues
 * read "config.url: must start with…"; other refusals are a message only.
 */
export function addFormIssues(error: CommandError, draft: Pick<FeedDraft, 'id'>): FieldIssue[] {
  if (error.issues !== undefined && error.issues.length > 0) {
    return error.issues.map((issue) => {
      const m = /^([\w.]+): (.*)$/s.exec(issue);
      if (m === null) return { field: null, message: issue };
      const path = (m[1] ?? '').split('.');
      const field = path[0] === 'config' ? path[1] : undefined;
      return { field: isFeedField(field) ? field : null, message: m[2] ?? issue };
    });
  }
  // The id of the built-in simulator is reserved; the engine says so without naming the field.
  const field: FeedField | null = error.code === 'bad_request' && draft.id.trim() === SIMULATOR_FEED_ID ? 'id' : null;
  return [{ field, message: error.message }];
}
