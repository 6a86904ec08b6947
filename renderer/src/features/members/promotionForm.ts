import { PROMOTION_MAX_MS, type PromotionLift } from '../../../../shared/members/promotions.ts';

/**
 * The temporary-promotion form: what the operator types, turned into the grant command's fields. Times are typed on
 * this computer's clock (<input type="datetime-local">, minutes) and sent as instants. An empty start means "now".
 */
export interface PromotionDraft {
  lift: PromotionLift;
  /** "2025-06-01T00:00" or '' for now. */
  startsAt: string;
  endsAt: string;
  reason: string;
}

export type PromotionField = 'startsAt' | 'endsAt' | 'reason';
export type PromotionProblem = 'required' | 'invalid' | 'past' | 'beforeStart' | 'tooLong';

export type PromotionParse =
  | { ok: true; lift: PromotionLift; startsAt: number | undefined; endsAt: number; reason: string }
  | { ok: false; problems: Partial<Record<PromotionField, PromotionProblem>> };

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local value on this computer's clock, to the minute. */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value ("2025-06-20T00:00", seconds optional) as an instant on this computer's clock; null when it is not one. */
export function fromLocalInput(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const d = new Date(year, month - 1, day, hour, minute, second);
  // Reject dates that rolled over (31 June) and clock times that do not exist (a DST gap).
  if (d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day || d.getHours() !== hour || d.getMinutes() !== minute) return null;
  return d.getTime();
}

/** A fresh form: +1 tier from now for `days` days, ending on the minute. */
export function newPromotionDraft(now: number, days = 7): PromotionDraft {
  return { lift: 'step', startsAt: '', endsAt: toLocalInput(now + days * 86_400_000), reason: '' };
}

/** The draft checked as the engine will check it, at `now`; every problem named by field. */
export function parsePromotionDraft(draft: PromotionDraft, now: number): PromotionParse {
  const problems: Partial<Record<PromotionField, PromotionProblem>> = {};
  const reason = draft.reason.trim();
  if (reason === '') problems.reason = 'required';
  let startsAt: number | undefined;
  if (draft.startsAt.trim() !== '') {
    const parsed = fromLocalInput(draft.startsAt);
    if (parsed === null) problems.startsAt = 'invalid';
    else startsAt = parsed;
  }
  const endsAt = draft.endsAt.trim() === '' ? null : fromLocalInput(draft.endsAt);
  if (draft.endsAt.trim() === '') problems.endsAt = 'required';
  else if (endsAt === null) problems.endsAt = 'invalid';
  else if (endsAt <= now) problems.endsAt = 'past';
  else if (endsAt <= (startsAt ?? now)) problems.endsAt = 'beforeStart';
  else if (endsAt - (startsAt ?? now) > PROMOTION_MAX_MS) problems.endsAt = 'tooLong';
  if (Object.keys(problems).length > 0 || endsAt === null) return { ok: false, problems };
  return { ok: true, lift: draft.lift, startsAt, endsAt, reason };
}
