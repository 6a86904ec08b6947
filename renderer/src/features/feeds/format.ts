/** Number and time formatting for the feeds panels. Pure; `locale` is the UI language ('en', 'zh-CN'). */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS in local time, 24-hour, for an engine-clock instant (ms since the epoch). */
export function formatClockTime(at: number): string {
  if (!Number.isFinite(at)) return '--:--:--';
  const d = new Date(at);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

/** A count with thousands separators: 12345 → "12,345". */
export function formatCount(value: number, locale: string): string {
  return Number.isFinite(value) ? numberFormat(locale, 0).format(Math.round(value)) : '—';
}

/** A number with exactly `digits` decimals and separators. */
export function formatDecimal(value: number, digits: number, locale: string): string {
  return Number.isFinite(value) ? numberFormat(locale, digits).format(value) : '—';
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', JPY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$' };

/** Money with 2 decimals: 1234.5 CNY → "¥1,234.50"; an unknown currency shows its code ("SGD 12.00"). Null → "—". */
export function formatMoney(value: number | null, currency: string, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const symbol = CURRENCY_SYMBOLS[currency];
  const sign = value < 0 ? '-' : '';
  const amount = formatDecimal(Math.abs(value), 2, locale);
  return symbol === undefined ? `${sign}${currency} ${amount}` : `${sign}${symbol}${amount}`;
}

/** A ratio as a percentage with `digits` decimals: 0.0345 → "3.45%". Null (no denominator yet) → "—". */
export function formatPercent(ratio: number | null, locale: string, digits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${formatDecimal(ratio * 100, digits, locale)}%`;
}
