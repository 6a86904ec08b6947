import { describe, expect, it } from 'vitest';
import { fromLocalInput, newPromotionDraft, parsePromotionDraft, toLocalInput } from './promotionForm.ts';

const NOW = new Date(2025, 5, 10, 9, 30).getTime(); // local clock
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('local date-time inputs', () => {
  it('round-trip to the minute on this computer’s clock', () => {
    expect(toLocalInput(local(2025, 6, 20, 23, 5))).toBe('2025-06-20T23:05');
    expect(fromLocalInput('2025-06-20T23:05')).toBe(local(2025, 6, 20, 23, 5));
    expect(fromLocalInput('2025-06-20T23:05:30')).toBe(local(2025, 6, 20, 23, 5) + 30_000);
  });

  it('refuse what is not a date-time, and dates that do not exist', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('2025-06-31T10:00')).toBeNull();
    expect(fromLocalInput('2025-02-29T10:00')).toBeNull();
  });
});

describe('parsePromotionDraft', () => {
  const draft = { ...newPromotionDraft(NOW), reason: ' 618 festival ' };

  it('defaults to +1 tier from now for a week', () => {
    expect(parsePromotionDraft(draft, NOW)).toEqual({ ok: true, lift: 'step', startsAt: undefined, endsAt: NOW + 7 * 86_400_000, reason: '618 festival' });
  });

  it('needs a reason and an end after now and after the start', () => {
    expect(parsePromotionDraft({ ...draft, reason: ' ' }, NOW)).toEqual({ ok: false, problems: { reason: 'required' } });
    expect(parsePromotionDraft({ ...draft, endsAt: '' }, NOW)).toEqual({ ok: false, problems: { endsAt: 'required' } });
    expect(parsePromotionDraft({ ...draft, endsAt: toLocalInput(NOW) }, NOW)).toEqual({ ok: false, problems: { endsAt: 'past' } });
    expect(parsePromotionDraft({ ...draft, endsAt: toLocalInput(NOW + 60_000) }, NOW).ok).toBe(true);
    expect(parsePromotionDraft({ ...draft, startsAt: '2025-06-20T00:00', endsAt: '2025-06-20T00:00' }, NOW)).toEqual({ ok: false, problems: { endsAt: 'beforeStart' } });
    expect(parsePromotionDraft({ ...draft, startsAt: 'soon' }, NOW)).toEqual({ ok: false, problems: { startsAt: 'invalid' } });
  });

  it('allows a start ahead of time, and at most 366 days', () => {
    const ahead = parsePromotionDraft({ ...draft, startsAt: '2025-06-18T00:00', endsAt: '2025-06-21T00:00' }, NOW);
    expect(ahead).toMatchObject({ ok: true, startsAt: local(2025, 6, 18), endsAt: local(2025, 6, 21) });
    expect(parsePromotionDraft({ ...draft, endsAt: toLocalInput(NOW + 367 * 86_400_000) }, NOW)).toEqual({ ok: false, problems: { endsAt: 'tooLong' } });
  });
});
