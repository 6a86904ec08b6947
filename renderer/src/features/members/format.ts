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

/** Spaces and invisible format characters (zero-width, bidi controls, BOM): a name of only these shows nothing. */
const INVISIBLE = /[\s\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/gu;

/** The name to show for a member: their display name, or their id when the name is empty or invisible. */
export function memberName(displayName: string, id: string): string {
  return displayName.replace(INVISIBLE, '') === '' ? id : displayName;
}

/**
 * Outside text (titles, nicknames) for places that cannot isolate it with <bdi>, such as <option> labels and
 * tooltips: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so a right-to-left override inside it cannot
 * flip the text around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
