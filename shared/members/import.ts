import { z } from 'zod';
import { Platform } from '../feeds/events.ts';
import { cutOffMessage, cutOffRecord, parseCsv, type CsvRecord } from '../show/csv.ts';
import { CommunityId, MEMBER_LIMITS, MemberId, MemberTier, Nickname, PlatformUserId, Tag } from './member.ts';

/**
 * CSV imports that close the data island: unified members from the community back office, the platform accounts
 * that belong to them, community activity counts, and the shops' order exports. Validation here is pure; an import
 * with any error changes nothing, and every error is reported with its line and column.
 */
export const ImportKind = z.enum(['members', 'identities', 'community', 'orders']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportMode = z.enum(['preview', 'apply']);
export type ImportMode = z.infer<typeof ImportMode>;

/** One problem. `line` is the 1-based line in the file (the header is line 1); 0 means the file as a whole. */
export const ImportIssue = z.object({ line: z.number().int().nonnegative(), field: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const MAX_MEMBER_IMPORT_BYTES = 20 * 1024 * 1024;
/** Shop exports without a time zone are read as China Standard Time (UTC+8), where the platforms in scope run. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;
/** Errors listed per import; past this the file is surely the wrong kind and the count says the rest. */
const MAX_ISSUES = 500;

export const OrderStatus = z.enum(['paid', 'refunded', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

// ---- field parsers ----------------------------------------------------------------------------------------

const PLATFORM_ALIASES: Readonly<Record<string, Platform>> = {
  抖音: 'douyin',
  淘宝: 'taobao',
  淘宝直播: 'taobao',
  快手: 'kuaishou',
  哔哩哔哩: 'bilibili',
  b站: 'bilibili',
  小红书: 'xiaohongshu',
  视频号: 'wechat_channels',
  微信视频号: 'wechat_channels',
};

const STATUS_ALIASES: Readonly<Record<string, OrderStatus>> = {
  已付款: 'paid',
  已支付: 'paid',
  交易成功: 'paid',
  已发货: 'paid',
  已完成: 'paid',
  已退款: 'refunded',
  退款成功: 'refunded',
  已取消: 'cancelled',
  交易关闭: 'cancelled',
  canceled: 'cancelled',
};

const aliased = <T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>>, what: string) =>
  z.string().transform((raw, ctx) => {
    const t = raw.trim().toLowerCase();
    if ((values as readonly string[]).includes(t)) return t as T;
    const alias = Object.hasOwn(aliases, t) ? aliases[t] : undefined;
    if (alias) return alias;
    ctx.addIssue({ code: 'custom', message: `unknown ${what} "${raw.trim()}" (one of ${values.join(', ')})` });
    return z.NEVER;
  });

const PlatformField = aliased(Platform.options, PLATFORM_ALIASES, 'platform');
const StatusField = aliased(OrderStatus.options, STATUS_ALIASES, 'status');

/** "1299.00", "¥1,299", "88.5" → fen. Parsed from the text so no float rounding creeps in; negatives are refused. */
export function parseAmountFen(text: string): number | null {
  const t = text.trim().replace(/^[¥￥]\s*/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m?.[1]) return null;
  const whole = Number(m[1].replaceAll(',', ''));
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/**
 * "2025-06-01", "2025/6/1 20:05", "2025-06-01T20:05:00+08:00", or Unix time in seconds (10 digits) / ms (13 digits).
 * Without a zone the time is local to `offsetMinutes` east of UTC.
 */
export function parseDateTime(text: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number | null {
  const t = text.trim();
  if (/^\d{10}$/.test(t)) return Number(t) * 1000;
  if (/^\d{13}$/.test(t)) return Number(t);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return null;
  const [year, month, dayOfMonth, hour, minute, second, ms] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || dayOfMonth < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (dayOfMonth > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const zone = m[8];
  let offset = offsetMinutes;
  if (zone) {
    if (zone.toUpperCase() === 'Z') offset = 0;
    else {
      const digits = zone.replace(':', '');
      offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    }
  }
  return Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, Number(String(ms).padEnd(3, '0').slice(0, 3))) - offset * 60_000;
}

const optionalText = (schema: z.ZodType<string>) =>
  z.string().transform((raw, ctx) => {
    if (raw.trim() === '') return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

const list = (item: z.ZodType<string>, max: number) =>
  z.string().transform((raw, ctx) => {
    const parts = raw.split(/[|;；]/).map((p) => p.trim()).filter((p) => p !== '');
    const out: string[] = [];
    for (const part of parts) {
      const parsed = item.safeParse(part);
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: `"${part}": ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      else if (!out.includes(parsed.data)) out.push(parsed.data);
    }
    if (out.length > max) ctx.addIssue({ code: 'custom', message: `at most ${max} values` });
    return out;
  });

const required = <T>(schema: z.ZodType<T, string>) =>
  z.string().transform((raw, ctx) => {
    if (raw.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

const whenField = (offsetMinutes: number) =>
  z.string().transform((raw, ctx) => {
    const at = parseDateTime(raw, offsetMinutes);
    if (at === null) {
      ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not a date (use 2025-06-01 or 2025-06-01 20:05:00)` });
      return z.NEVER;
    }
    return at;
  });

/** A whole number of at least `min`; `fallback` (when given) stands in for an empty cell. */
const countField = (min: number, fallback?: number) =>
  z.string().transform((raw, ctx) => {
    const t = raw.trim();
    if (t === '' && fallback !== undefined) return fallback;
    if (!/^\d{1,9}$/.test(t) || Number(t) < min) {
      ctx.addIssue({ code: 'custom', message: `"${t}" is not a whole number${min > 0 ? ` of at least ${min}` : ''}` });
      return z.NEVER;
    }
    return Number(t);
  });

const amountField = z.string().transform((raw, ctx) => {
  const fen = parseAmountFen(raw);
  if (fen === null) {
    ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not an amount (e.g. 199.00; refunds go in status, not as negative amounts)` });
    return z.NEVER;
  }
  return fen;
});

// ---- the four files ---------------------------------------------------------------------------------------

interface Columns {
  required: readonly string[];
  optional: readonly string[];
}

export const IMPORT_COLUMNS: Readonly<Record<ImportKind, Columns>> = {
  members: { required: ['member_id'], optional: ['nickname', 'tags', 'community_id'] },
  identities: { required: ['member_id', 'platform', 'platform_user_id'], optional: ['nickname'] },
  community: { required: ['count', 'as_of'], optional: ['member_id', 'community_id'] },
  orders: { required: ['order_id', 'platform', 'platform_user_id', 'amount', 'status', 'paid_at'], optional: ['sku', 'quantity', 'currency', 'nickname'] },
};

/** Spreadsheet users label columns in Chinese too. */
const HEADER_ALIASES: Readonly<Record<string, string>> = {
  会员id: 'member_id',
  会员编号: 'member_id',
  昵称: 'nickname',
  标签: 'tags',
  tag: 'tags',
  社群id: 'community_id',
  企业微信id: 'community_id',
  平台: 'platform',
  平台用户id: 'platform_user_id',
  用户id: 'platform_user_id',
  user_id: 'platform_user_id',
  次数: 'count',
  活动次数: 'count',
  截至日期: 'as_of',
  统计日期: 'as_of',
  订单号: 'order_id',
  订单编号: 'order_id',
  商品编码: 'sku',
  数量: 'quantity',
  金额: 'amount',
  实付金额: 'amount',
  币种: 'currency',
  状态: 'status',
  订单状态: 'status',
  付款时间: 'paid_at',
  支付时间: 'paid_at',
};

function rowSchemas(offsetMinutes: number) {
  return {
    members: z.object({
      member_id: required(MemberId),
      nickname: optionalText(Nickname),
      tags: list(Tag, MEMBER_LIMITS.tagsPerMember),
      community_id: list(CommunityId, 20),
    }),
    identities: z.object({
      member_id: required(MemberId),
      platform: required(PlatformField),
      platform_user_id: required(PlatformUserId),
      nickname: optionalText(Nickname),
    }),
    community: z.object({
      member_id: optionalText(MemberId),
      community_id: optionalText(CommunityId),
      count: required(countField(0)),
      as_of: required(whenField(offsetMinutes)),
    }),
    orders: z.object({
      order_id: required(PlatformUserId),
      platform: required(PlatformField),
      platform_user_id: required(PlatformUserId),
      nickname: optionalText(Nickname),
      sku: z.string().trim().max(128),
      quantity: countField(1, 1),
      amount: required(amountField),
      currency: z.string().transform((raw, ctx) => {
        const t = raw.trim().toUpperCase();
        if (t === '') return 'CNY';
        if (t === 'RMB' || t === '人民币' || t === '元') return 'CNY';
        if (/^[A-Z]{3}$/.test(t)) return t;
        ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not a currency code (e.g. CNY)` });
        return z.NEVER;
      }),
      status: required(StatusField),
      paid_at: required(whenField(offsetMinutes)),
    }),
  };
}

export interface MemberImportRow {
  line: number;
  memberId: string;
  nickname: string | null;
  tags: string[];
  communityIds: string[];
}
export interface IdentityImportRow {
  line: number;
  memberId: string;
  platform: Platform;
  platformUserId: string;
  nickname: string | null;
}
export interface CommunityImportRow {
  line: number;
  memberId: string | null;
  communityId: string | null;
  count: number;
  asOf: number;
}
export interface OrderImportRow {
  line: number;
  orderId: string;
  platform: Platform;
  platformUserId: string;
  nickname: string | null;
  sku: string;
  quantity: number;
  amountFen: number;
  currency: string;
  status: OrderStatus;
  paidAt: number;
}

export type ImportRows =
  | { kind: 'members'; rows: MemberImportRow[] }
  | { kind: 'identities'; rows: IdentityImportRow[] }
  | { kind: 'community'; rows: CommunityImportRow[] }
  | { kind: 'orders'; rows: OrderImportRow[] };

export type ParsedImport = ({ ok: true; ignoredColumns: string[] } & ImportRows) | { ok: false; errors: ImportIssue[] };

export interface ImportOptions {
  /** Minutes east of UTC for dates written without a zone. */
  utcOffsetMinutes?: number;
}

const normalizeHeader = (h: string): string => {
  const t = h.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(HEADER_ALIASES, t) ? (HEADER_ALIASES[t] ?? t) : t;
};

/** Where each known column is; header errors (missing, repeated) are line 1. */
function readHeader(kind: ImportKind, header: CsvRecord, errors: ImportIssue[]): { index: Map<string, number>; ignored: string[] } {
  const { required: need, optional } = IMPORT_COLUMNS[kind];
  const known = new Set([...need, ...optional]);
  const index = new Map<string, number>();
  const ignored: string[] = [];
  header.fields.forEach((raw, i) => {
    const name = normalizeHeader(raw);
    if (!known.has(name)) {
      if (name !== '') ignored.push(raw.trim());
      return;
    }
    if (index.has(name)) errors.push({ line: header.line, field: name, message: `column "${name}" appears twice` });
    else index.set(name, i);
  });
  for (const name of need) if (!index.has(name)) errors.push({ line: header.line, field: name, message: `missing column "${name}"` });
  if (kind === 'community' && !index.has('member_id') && !index.has('community_id')) {
    errors.push({ line: header.line, field: 'member_id', message: 'needs a "member_id" or a "community_id" column' });
  }
  return { index, ignored };
}

function duplicates<R extends { line: number }>(rows: readonly R[], keyOf: (r: R) => string | null, field: string, what: string, errors: ImportIssue[]): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.line);
    else errors.push({ line: r.line, field, message: `${what} "${key}" is already on line ${seen}` });
  }
}

/** Parses and validates a whole file; any error means no rows (all or nothing), every error is reported. */
export function parseImport(kind: ImportKind, text: string, options: ImportOptions = {}): ParsedImport {
  if (text.length > MAX_MEMBER_IMPORT_BYTES) {
    return { ok: false, errors: [{ line: 0, field: '', message: `the file is too large (at most ${MAX_MEMBER_IMPORT_BYTES / 1024 / 1024} MB)` }] };
  }
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, errors: [{ line: csv.error.line, field: '', message: `column ${csv.error.column}: ${csv.error.message}` }] };
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, errors: [{ line: 0, field: '', message: 'the file is empty' }] };
  const errors: ImportIssue[] = [];
  const { index, ignored } = readHeader(kind, header, errors);
  if (errors.length > 0) return { ok: false, errors };

  // A file cut off mid-line would write the last row's cut value and blank the rest of it.
  const cut = cutOffRecord(text, csv.records, header.fields.length);
  if (cut) {
    const missing = header.fields[cut.fields.length] ?? '';
    return { ok: false, errors: [{ line: cut.line, field: normalizeHeader(missing) || missing.trim(), message: cutOffMessage(cut, header.fields.length) }] };
  }

  const schema = rowSchemas(options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES)[kind];
  const rows: { line: number; data: Record<string, unknown> }[] = [];
  for (const record of records) {
    if (record.fields.every((f) => f.trim() === '')) continue; // blank lines spreadsheets leave at the end
    if (record.fields.length > header.fields.length) {
      errors.push({ line: record.line, field: '', message: `${record.fields.length} fields but the header has ${header.fields.length} (a comma inside a value must be quoted)` });
      continue;
    }
    const raw: Record<string, string> = {};
    for (const name of Object.keys(schema.shape)) {
      const i = index.get(name);
      raw[name] = i === undefined ? '' : (record.fields[i] ?? '');
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) rows.push({ line: record.line, data: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ line: record.line, field: String(issue.path[0] ?? ''), message: issue.message });
    if (errors.length >= MAX_ISSUES) break;
  }
  const result = toRows(kind, rows, errors);
  if (errors.length > 0) {
    const sorted = errors.sort((a, b) => a.line - b.line).slice(0, MAX_ISSUES);
    if (errors.length > MAX_ISSUES) sorted.push({ line: 0, field: '', message: `and ${errors.length - MAX_ISSUES} more errors` });
    return { ok: false, errors: sorted };
  }
  return { ok: true, ignoredColumns: ignored, ...result };
}

function toRows(kind: ImportKind, parsed: readonly { line: number; data: Record<string, unknown> }[], errors: ImportIssue[]): ImportRows {
  switch (kind) {
    case 'members': {
      const rows = parsed.map(({ line, data }): MemberImportRow => {
        const d = data as { member_id: string; nickname: string | null; tags: string[]; community_id: string[] };
        return { line, memberId: d.member_id, nickname: d.nickname, tags: d.tags, communityIds: d.community_id };
      });
      duplicates(rows, (r) => r.memberId, 'member_id', 'member', errors);
      duplicates(
        rows.flatMap((r) => r.communityIds.map((c) => ({ line: r.line, c }))),
        (r) => r.c,
        'community_id',
        'community id',
        errors,
      );
      return { kind, rows };
    }
    case 'identities': {
      const rows = parsed.map(({ line, data }): IdentityImportRow => {
        const d = data as { member_id: string; platform: Platform; platform_user_id: string; nickname: string | null };
        return { line, memberId: d.member_id, platform: d.platform, platformUserId: d.platform_user_id, nickname: d.nickname };
      });
      duplicates(rows, (r) => `${r.platform}:${r.platformUserId}`, 'platform_user_id', 'account', errors);
      return { kind, rows };
    }
    case 'community': {
      const rows: CommunityImportRow[] = [];
      for (const { line, data } of parsed) {
        const d = data as { member_id: string | null; community_id: string | null; count: number; as_of: number };
        if (d.member_id === null && d.community_id === null) errors.push({ line, field: 'member_id', message: 'give a member_id or a community_id' });
        rows.push({ line, memberId: d.member_id, communityId: d.community_id, count: d.count, asOf: d.as_of });
      }
      duplicates(rows, (r) => r.memberId, 'member_id', 'member', errors);
      duplicates(rows, (r) => r.communityId, 'community_id', 'community id', errors);
      return { kind, rows };
    }
    case 'orders': {
      const rows = parsed.map(({ line, data }): OrderImportRow => {
        const d = data as {
          order_id: string;
          platform: Platform;
          platform_user_id: string;
          nickname: string | null;
          sku: string;
          quantity: number;
          amount: number;
          currency: string;
          status: OrderStatus;
          paid_at: number;
        };
        return {
          line,
          orderId: d.order_id,
          platform: d.platform,
          platformUserId: d.platform_user_id,
          nickname: d.nickname,
          sku: d.sku,
          quantity: d.quantity,
          amountFen: d.amount,
          currency: d.currency,
          status: d.status,
          paidAt: d.paid_at,
        };
      });
      duplicates(rows, (r) => `${r.platform}:${r.orderId}`, 'order_id', 'order', errors);
      return { kind, rows };
    }
  }
}

/** Issues as the "line N, field: message" strings a CommandFailure / error response lists. */
export function formatIssues(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.line > 0 ? `line ${i.line}` : 'file'}${i.field ? `, ${i.field}` : ''}: ${i.message}`);
}

// ---- what an import does (preview and apply answer the same) ---------------------------------------------

export const ImportAction = z.enum(['create', 'update', 'unchanged', 'move', 'stale']);
export type ImportAction = z.infer<typeof ImportAction>;

export const TierMove = z.object({ from: MemberTier.nullable(), to: MemberTier, count: z.number().int() });
export type TierMove = z.infer<typeof TierMove>;

export const ImportChange = z.object({ line: z.number().int(), action: ImportAction, key: z.string(), detail: z.string() });
export type ImportChange = z.infer<typeof ImportChange>;

export const ImportOutcome = z.object({
  kind: ImportKind,
  mode: ImportMode,
  /** True once written (apply without errors). */
  applied: z.boolean(),
  rows: z.number().int(),
  ignoredColumns: z.array(z.string()),
  counts: z.record(ImportAction, z.number().int()),
  newMembers: z.number().int(),
  tierMoves: z.array(TierMove),
  /** Row by row, unchanged rows left out, at most 500 listed. */
  changes: z.array(ImportChange),
  changesLeftOff: z.number().int(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;
