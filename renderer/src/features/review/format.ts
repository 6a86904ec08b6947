/*
 * Texts of the review (复盘): durations, planned-vs-actual differences, dates and changes. Pure; `locale` is the
 * UI language ('en', 'zh-CN').
 */
import { formatDecimal } from '../feeds/format.ts';

const SECOND = 1_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Whole seconds as mm:ss, minutes counting on past 59 ("75:00"); negative or not finite reads 00:00. */
export function formatMmSs(ms: number): string {
  const s = Number.isFinite(ms) ? Math.max(0, Math.round(ms / SECOND)) : 0;
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** A difference against the plan: "+01:20" over, "−00:45" under (a real minus sign), "00:00" on time. */
export function formatSignedMmSs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const s = Math.round(ms / SECOND);
  if (s === 0) return '00:00';
  return `${s > 0 ? '+' : '−'}${formatMmSs(Math.abs(s) * SECOND)}`;
}

/** A show's length: h:mm:ss from one hour on, mm:ss below. */
export function formatDuration(ms: number): string {
  const s = Number.isFinite(ms) ? Math.max(0, Math.round(ms / SECOND)) : 0;
  if (s < 3_600) return formatMmSs(s * SECOND);
  return `${Math.floor(s / 3_600)}:${pad(Math.floor((s % 3_600) / 60))}:${pad(s % 60)}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time of day on this computer, 24-hour: "2026-03-14 20:05" style in the locale's order. */
export function formatDateTime(at: number, locale: string): string {
  if (!Number.isFinite(at)) return '—';
  let f = dateTimeFormats.get(locale);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(locale, f);
  }
  return f.format(at);
}

/** A relative change as a signed percentage with one decimal: 0.123 → "+12.3%", −0.25 → "−25.0%". */
export function formatChange(ratio: number, locale: string): string {
  if (!Number.isFinite(ratio)) return '—';
  const rounded = Math.round(ratio * 1_000) / 10;
  if (rounded === 0) return `${formatDecimal(0, 1, locale)}%`;
  return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded), 1, locale)}%`;
}

/** ROI as the plan writes it: 2.345 → "2.35 : 1"; none (no costs entered) → "—". */
export function formatRoi(roi: number | null, locale: string): string {
  if (roi === null || !Number.isFinite(roi)) return '—';
  return `${formatDecimal(roi, 2, locale)} : 1`;
}

/**
 * Outside text (nicknames, comments, titles) for places that cannot isolate it with <bdi>, such as tooltips and
 * SVG labels: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so a right-to-left override inside it
 * cannot flip the text around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Short axis labels: 40000 → "40K" in English, "4万" in Chinese. */
export function formatCompact(value: number, locale: string): string {
  if (!Number.isFinite(value)) return '—';
  let f = compactFormats.get(locale);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compactFormats.set(locale, f);
  }
  return f.format(value);
}

/** Time of day on this computer, 24-hour: "20:05" or with seconds "20:05:09". */
export function formatTimeOfDay(at: number, withSeconds = false): string {
  if (!Number.isFinite(at)) return withSeconds ? '--:--:--' : '--:--';
  const d = new Date(at);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(d.getSeconds())}` : hm;
}

/**
 * Text the engine glued together from outside parts (a pin's "nickname: comment") cannot be isolated part by part,
 * so a right-to-left override in the nickname would run on into the comment. Such labels lose their directional
 * controls (embeddings, overrides, isolates) instead; the visible characters stay as they are.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}
