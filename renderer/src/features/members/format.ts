/** Texts of the member pages: money, dates, minutes. Pure; `locale` is the UI language ('en', 'zh-CN'). */
import { SPEND_CURRENCY } from '../../../../shared/members/member.ts';
import { formatDecimal, formatMoney } from '../feeds/format.ts';

/** Yuan as the member records keep them: "¥1,299.00"; "—" when unknown. */
export function formatSpend(value: number | null | undefined, locale: string): string {
  return formatMoney(value ?? null, SPEND_CURRENCY, locale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime ? 't' : 'd'}`;
  let f = dateFormats.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** A day on this computer's calendar ("03/14/2026", "2026/03/14"); "—" for none. */
export function formatDay(at: number | null | undefined, locale: string): string {
  return at === null || at === undefined || !Number.isFinite(at) ? '—' : dateFormat(locale, false).format(at);
}

/** Day and time of day, 24-hour; "—" for none. */
export function formatWhen(at: number | null | undefined, locale: string): string {
  return at === null || at === undefined || !Number.isFinite(at) ? '—' : dateFormat(locale, true).format(at);
}

/** Watch time in minutes with one decimal ("15.5"); from milliseconds. */
export function formatMinutes(ms: number, locale: string): string {
  return formatDecimal(ms / 60_000, 1, locale);
}

/** An ISO date-time attribute for <time>, or undefined for none. */
export function isoOf(at: number | null | undefined): string | undefined {
  return at === null || at === undefined || !Number.isFinite(at) ? undefined : new Date(at).toISOString();
}
