import { cutOffMessage, cutOffRecord, parseCsv, serializeCsv } from './csv.ts';
import type { CsvWriteOptions } from './csv.ts';
import { formatJsonPath, parseJsonLocated } from './json.ts';
import { SHOW_FILE_FORMAT, SHOW_FILE_VERSION, SHOW_LIMITS, Segment, SegmentKind, Show, ShowFile } from './schema.ts';
import type { IdGenerator } from './templates.ts';

export type ImportErrorCode =
  | 'too_large'
  | 'syntax' // the text is not valid JSON / CSV
  | 'not_a_show' // valid JSON, but not a Cuedeck show file
  | 'newer_version'
  | 'header' // CSV header row: unknown, missing or repeated column
  | 'invalid'; // a value breaks a rule of the show schema

/** One problem, located well enough for the producer to fix it in the file. */
export interface ImportError {
  /** 1-based line in the file; null when the problem has no place (e.g. the file is too large). */
  line: number | null;
  /** Set for syntax errors only. */
  column: number | null;
  /** JSON: the path (`show.segments[2].title`); CSV: the column name; '' when the whole file is at fault. */
  field: string;
  message: string;
  code: ImportErrorCode;
}

/** An import is all or nothing: any error means no show, and every error found is reported. */
export type ImportResult = { ok: true; show: Show } | { ok: false; errors: ImportError[] };

/** Far above any real show (a full show with long scripts is a few hundred kB). */
export const MAX_IMPORT_CHARS = 5_000_000;

function failure(errors: ImportError[]): ImportResult {
  const sorted = [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, errors: sorted };
}

function error(line: number | null, field: string, message: string, code: ImportErrorCode = 'invalid', column: number | null = null): ImportError {
  return { line, column, field, message, code };
}

function tooLarge(text: string): ImportError | null {
  return text.length > MAX_IMPORT_CHARS
    ? error(null, '', `the file is too large (${text.length} characters; at most ${MAX_IMPORT_CHARS})`, 'too_large')
    : null;
}

// ---- JSON -----------------------------------------------------------------------------------------------

export function exportShowJson(show: Show): string {
  const file: ShowFile = { format: SHOW_FILE_FORMAT, version: SHOW_FILE_VERSION, show };
  return JSON.stringify(file, null, 2) + '\n';
}

export function importShowJson(input: string): ImportResult {
  const big = tooLarge(input);
  if (big) return failure([big]);
  const parsed = parseJsonLocated(input.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return failure([error(line, '', message, 'syntax', column)]);
  }
  const { value, lineOf } = parsed;
  const root = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (root?.['format'] !== SHOW_FILE_FORMAT) {
    return failure([error(lineOf(['format']), 'format', `not a Cuedeck show file (expected "format": "${SHOW_FILE_FORMAT}")`, 'not_a_show')]);
  }
  const version = root['version'];
  if (typeof version === 'number' && version > SHOW_FILE_VERSION) {
    return failure([
      error(lineOf(['version']), 'version', `written by a newer Cuedeck (file version ${version}; this one reads ${SHOW_FILE_VERSION})`, 'newer_version'),
    ]);
  }
  const result = ShowFile.safeParse(value);
  if (!result.success) {
    return failure(result.error.issues.map((issue) => error(lineOf(issue.path), formatJsonPath(issue.path), issue.message)));
  }
  return { ok: true, show: result.data.show };
}

// ---- CSV ------------------------------------------------------------------------------------------------

/** Column order of exported files; imports accept the columns in any order, and only the first three are required. */
export const CSV_COLUMNS = ['kind', 'title', 'planned_minutes', 'talking_points', 'scene', 'camera_preset', 'products'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['kind', 'title', 'planned_minutes'];
const SKU_SEPARATOR = '|';

/** Spreadsheet users type kinds in Chinese too. */
const KIND_ALIASES: Readonly<Record<string, SegmentKind>> = {
  开场: 'opening',
  开场白: 'opening',
  产品: 'product',
  产品介绍: 'product',
  讲解: 'product',
  互动: 'interaction',
  互动环节: 'interaction',
  收尾: 'closing',
  结尾: 'closing',
  休息: 'break',
  中场休息: 'break',
  自定义: 'custom',
  其他: 'custom',
};

function parseKind(text: string): SegmentKind | null {
  const t = text.trim();
  const code = SegmentKind.safeParse(t.toLowerCase());
  if (code.success) return code.data;
  return Object.hasOwn(KIND_ALIASES, t) ? (KIND_ALIASES[t] ?? null) : null;
}

/** Whole minutes as "5", otherwise "m:ss" (minutes may exceed 59: "90:30"). */
export function formatPlannedMinutes(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds === 0 ? String(minutes) : `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * "5", "2.5" (minutes), "2:30" (minutes:seconds) or "1:30:00" (hours:minutes:seconds, as spreadsheets
 * rewrite long times). Rounded to whole seconds; null when unreadable.
 */
export function parsePlannedMinutes(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,4}(?:\.\d{1,6})?$/.test(t)) return Math.round(Number(t) * 60) * 1000;
  const clock = /^(?:(\d{1,2}):)?(\d{1,4}):([0-5]\d)$/.exec(t);
  if (!clock) return null;
  const [, h, m, s] = clock;
  // With hours, minutes are a clock field (00-59); without, they may run past an hour ("90:30").
  if (h !== undefined && Number(m) > 59) return null;
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

/*
 * Formula guard: a cell starting with = + - @ (or tab/CR) is run as a formula by spreadsheet apps, which a
 * hostile script could abuse. Such cells are written with a leading apostrophe and read back without it; an
 * apostrophe already in front of such a character gets one more, so the round trip stays exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
function guard(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
function unguard(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

export function exportShowCsv(show: Show, options: CsvWriteOptions = {}): string {
  const skuOf = new Map(show.products.map((p) => [p.id, p.sku]));
  const rows = show.segments.map((s) => [
    s.kind,
    guard(s.title),
    formatPlannedMinutes(s.plannedDurationMs),
    guard(s.talkingPoints),
    guard(s.sceneName ?? ''),
    guard(s.cameraPresetId ?? ''),
    guard(s.productIds.flatMap((id) => skuOf.get(id) ?? []).join(SKU_SEPARATOR)),
  ]);
  return serializeCsv([[...CSV_COLUMNS], ...rows], options);
}

const COLUMN_OF_FIELD: Partial<Record<keyof Segment, CsvColumn>> = {
  kind: 'kind',
  title: 'title',
  plannedDurationMs: 'planned_minutes',
  talkingPoints: 'talking_points',
  sceneName: 'scene',
  cameraPresetId: 'camera_preset',
  productIds: 'products',
};

export interface CsvImportOptions {
  /**
   * The show the rows belong to: its id, title, products and settings are kept and its segments replaced.
   * SKUs in the products column must name products of this show.
   */
  base: Show;
  newId: IdGenerator;
}

/**
 * One segment per row. CSV carries the rundown only: cues and flash sales live in the JSON format and are
 * not part of a CSV import (imported segments have none).
 */
export function importShowCsv(input: string, options: CsvImportOptions): ImportResult {
  const big = tooLarge(input);
  if (big) return failure([big]);
  const parsed = parseCsv(input);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return failure([error(line, '', message, 'syntax', column)]);
  }
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records[0];
  if (!header) return failure([error(1, '', `the file is empty; the first row must name the columns: ${CSV_COLUMNS.join(',')}`, 'header')]);

  // Header: map each position to a known column.
  const errors: ImportError[] = [];
  const columns: (CsvColumn | null)[] = [];
  for (const raw of header.fields) {
    const name = raw.trim().toLowerCase();
    const known = (CSV_COLUMNS as readonly string[]).includes(name) ? (name as CsvColumn) : null;
    if (!known) errors.push(error(header.line, raw.trim(), `unknown column; expected some of: ${CSV_COLUMNS.join(', ')}`, 'header'));
    else if (columns.includes(known)) errors.push(error(header.line, known, 'column appears twice', 'header'));
    columns.push(known);
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) errors.push(error(header.line, required, 'required column is missing', 'header'));
  }
  if (errors.length > 0) return failure(errors);
  // A file cut off mid-line would import its last segment with the rest of the row blank.
  const cut = cutOffRecord(input, records, columns.length);
  if (cut) return failure([error(cut.line, columns[cut.fields.length] ?? '', cutOffMessage(cut, columns.length), 'syntax')]);

  const rows = records.slice(1);
  if (rows.length > SHOW_LIMITS.maxSegments) {
    return failure([error(rows[SHOW_LIMITS.maxSegments]?.line ?? null, '', `at most ${SHOW_LIMITS.maxSegments} segments`)]);
  }
  const productBySku = new Map(options.base.products.map((p) => [p.sku, p.id]));
  const segments: Segment[] = [];
  const lineOfSegment: number[] = [];

  for (const row of rows) {
    if (row.fields.length > columns.length) {
      errors.push(error(row.line, '', `${row.fields.length} fields, but the header names ${columns.length}`));
      continue;
    }
    const cell = (column: CsvColumn): string => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : unguard(row.fields[i] ?? '');
    };
    const rowErrors: ImportError[] = [];

    const kindText = cell('kind');
    const kind = parseKind(kindText);
    if (!kind) rowErrors.push(error(row.line, 'kind', `"${kindText.trim()}" is not a segment kind; use one of ${SegmentKind.options.join(', ')}`));

    const plannedText = cell('planned_minutes');
    const planned = parsePlannedMinutes(plannedText);
    const { segmentMinMs: min, segmentMaxMs: max } = SHOW_LIMITS;
    if (planned === null) {
      rowErrors.push(error(row.line, 'planned_minutes', `"${plannedText.trim()}" is not a duration; write minutes (5, 2.5) or mm:ss (2:30)`));
    } else if (planned < min || planned > max) {
      rowErrors.push(error(row.line, 'planned_minutes', `must be between ${formatPlannedMinutes(min)} and ${formatPlannedMinutes(max)} minutes`));
    }

    const productIds: string[] = [];
    for (const sku of cell('products').split(SKU_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '')) {
      const id = productBySku.get(sku);
      if (id === undefined) rowErrors.push(error(row.line, 'products', `unknown SKU "${sku}"`));
      else if (!productIds.includes(id)) productIds.push(id);
    }

    const optional = (text: string) => (text.trim() === '' ? null : text);
    const candidate = {
      id: options.newId(),
      kind: kind ?? 'custom',
      title: cell('title'),
      plannedDurationMs: planned ?? min,
      talkingPoints: cell('talking_points').replace(/\r\n?/g, '\n'),
      sceneName: optional(cell('scene')),
      cameraPresetId: optional(cell('camera_preset')),
      productIds,
      cues: [],
      flashSales: [],
    };
    const result = Segment.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = columnOf(issue.path);
        // Kind and duration problems were already described in the file's own terms.
        if (column === 'kind' || column === 'planned_minutes') continue;
        rowErrors.push(error(row.line, column, issue.message));
      }
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && result.success) {
      segments.push(result.data);
      lineOfSegment.push(row.line);
    }
  }
  if (errors.length > 0) return failure(errors);

  const show = Show.safeParse({ ...options.base, segments });
  if (!show.success) {
    return failure(
      show.error.issues.map((issue) => {
        const [top, index, ...rest] = issue.path;
        const inSegment = top === 'segments' && typeof index === 'number';
        return inSegment
          ? error(lineOfSegment[index] ?? null, columnOf(rest), issue.message)
          : error(null, formatJsonPath(issue.path), issue.message);
      }),
    );
  }
  return { ok: true, show: show.data };
}

function columnOf(path: readonly PropertyKey[]): string {
  const field = path[0];
  return (typeof field === 'string' && COLUMN_OF_FIELD[field as keyof Segment]) || formatJsonPath(path);
}
