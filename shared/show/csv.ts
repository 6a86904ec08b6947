/*
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, a quote inside quotes doubled, CRLF
 * between records. Also read: LF or lone CR line ends, a UTF-8 byte order mark, a missing final line end.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; error: CsvSyntaxError };

const BOM = '\uFEFF';

/**
 * The last record when the text stops in the middle of it: fewer fields than the header and no line end after
 * it, the mark of a file cut off by an interrupted download or copy. Null otherwise. (A cut inside the last
 * field of a complete-looking row cannot be told from a real value.)
 */
export function cutOffRecord(text: string, records: readonly CsvRecord[], headerFields: number): CsvRecord | null {
  const last = records.at(-1);
  if (!last || records.length < 2 || last.fields.length >= headerFields || /[\r\n]$/.test(text)) return null;
  return last.fields.every((f) => f.trim() === '') ? null : last;
}

/** The error text for a cut-off record; the same words in every import. */
export function cutOffMessage(record: CsvRecord, headerFields: number): string {
  return `the file ends in the middle of this line (${record.fields.length} of ${headerFields} fields, no line break): it looks cut off; nothing was imported`;
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let line = 1;
  let lineStart = 0; // index where the current physical line starts, for columns
  let recordLine = 1;
  let i = 0;
  const fail = (at: number, message: string): CsvParseResult => ({
    ok: false,
    error: { line, column: at - lineStart + 1, message },
  });
  // Consumes a line end at i, if any; returns true when one was there.
  const lineEnd = (): boolean => {
    const c = text[i];
    if (c === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (c === '\n') i += 1;
    else return false;
    line += 1;
    lineStart = i;
    return true;
  };

  if (text.length === 0) return { ok: true, records };
  for (;;) {
    // At the start of a field.
    if (text[i] === '"') {
      const openLine = line;
      const openColumn = i - lineStart + 1;
      i += 1;
      let value = '';
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          return { ok: false, error: { line: openLine, column: openColumn, message: 'quoted field is never closed' } };
        }
        const chunk = text.slice(i, close);
        value += chunk;
        // Track physical lines crossed inside the quotes.
        for (let k = i; k < close; k++) {
          const c = text[k];
          if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) {
            line += 1;
            lineStart = k + 1;
          }
        }
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      const c = text[i];
      if (i < text.length && c !== ',' && c !== '\r' && c !== '\n') {
        return fail(i, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled)');
      }
    } else {
      let j = i;
      while (j < text.length) {
        const c = text[j];
        if (c === ',' || c === '\r' || c === '\n') break;
        if (c === '"') return fail(j, 'a field containing quotes must be enclosed in quotes');
        j += 1;
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    // After a field: a comma, a line end or the end of the text.
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    records.push({ line: recordLine, fields });
    fields = [];
    lineEnd();
    recordLine = line;
    if (i >= text.length) break;
  }
  return { ok: true, records };
}

export interface CsvWriteOptions {
  /** Prefix a UTF-8 byte order mark so spreadsheet apps detect UTF-8 (default true: Excel needs it for Chinese). */
  bom?: boolean;
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function serializeCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const body = rows.map((row) => row.map(quote).join(',') + '\r\n').join('');
  return (options.bom ?? true ? BOM : '') + body;
}
