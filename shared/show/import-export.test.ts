import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCue, addFlashSale, updateSegment } from './editor.ts';
import {
  MAX_IMPORT_CHARS,
  exportShowCsv,
  exportShowJson,
  formatPlannedMinutes,
  importShowCsv,
  importShowJson,
  parsePlannedMinutes,
} from './import-export.ts';
import type { ImportError, ImportResult } from './import-export.ts';
import { SHOW_LIMITS } from './schema.ts';
import type { Product, Show } from './schema.ts';
import { TEMPLATE_TITLES, emptyShow, fourModuleShow } from './templates.ts';

function counter(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const cream: Product = { id: 'p-cream', sku: 'CR-50', name: '修护面霜', listPrice: 199, dealPrice: 159, stock: 100, perCustomerLimit: 2 };
const mask: Product = { id: 'p-mask', sku: 'MK-10', name: '面膜', listPrice: 89.9, dealPrice: 69.9, stock: 100, perCustomerLimit: 5 };

function richShow(): Show {
  let show = fourModuleShow({ newId: counter('s'), title: '秋冬护肤专场', titles: TEMPLATE_TITLES['zh-CN'], products: [cream, mask] });
  show = updateSegment(show, 's-2', {
    talkingPoints: '欢迎来到直播间，先点关注\n今晚两款单品, 都有 "秒杀"\n<b>不是标签</b> & 不会被执行',
    sceneName: '全景',
    cameraPresetId: 'cam-wide',
  });
  show = updateSegment(show, 's-3', { plannedDurationMs: 150_000, talkingPoints: '=HYPERLINK("http://evil.test")' });
  show = addCue(show, 's-3', { id: 'cue-1', offsetMs: 30_000, message: '弹出价格贴片', sceneItem: { sceneName: '近景', sourceName: '价格', enabled: true } });
  show = addFlashSale(show, 's-5', {
    id: 'sale-1',
    productId: 'p-cream',
    dealPrice: 139.5,
    quantity: 100,
    perCustomerLimit: 2,
    warmupMs: 30_000,
    durationMs: 180_000,
    start: { mode: 'offset', offsetMs: 60_000 },
  });
  return { ...show, platforms: ['抖音', '淘宝直播'], plannedStart: '2025-12-01T20:00:00+08:00', bannedWords: ['最好', 'best'] };
}

function errorsOf(result: ImportResult): ImportError[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

function showOf(result: ImportResult): Show {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.show;
}

/** What survives a CSV round trip: the rundown without ids, cues and flash sales. */
function rundown(show: Show) {
  return show.segments.map(({ id: _id, cues: _cues, flashSales: _sales, ...rest }) => rest);
}

describe('JSON export and import', () => {
  it('round-trips a full show exactly', () => {
    const show = richShow();
    const text = exportShowJson(show);
    expect(text.startsWith('{\n  "format": "cuedeck.show",\n  "version": 1,\n  "show": {')).toBe(true);
    expect(showOf(importShowJson(text))).toEqual(show);
  });

  it('accepts a byte order mark and fills defaults of a hand-written file', () => {
    const text = '\uFEFF{"format":"cuedeck.show","version":1,"show":{"id":"s","title":"T","segments":[{"id":"a","kind":"opening","title":"开场","plannedDurationMs":60000}]}}';
    const show = showOf(importShowJson(text));
    expect(show.segments[0]).toMatchObject({ talkingPoints: '', cues: [], productIds: [], sceneName: null });
    expect(show.bannedWords).toBeNull();
  });

  it('reports a syntax error with its line and column', () => {
    const text = '{\n  "format": "cuedeck.show",\n  "version": 1\n  "show": {}\n}';
    expect(errorsOf(importShowJson(text))).toEqual([
      { line: 4, column: 3, field: '', message: `unexpected character '"', expected ',' or '}'`, code: 'syntax' },
    ]);
  });

  it('reports every schema error with its JSON path and line, and no show', () => {
    const show = richShow();
    const broken = {
      format: 'cuedeck.show',
      version: 1,
      show: {
        ...show,
        segments: [
          { ...show.segments[0], title: '' },
          { ...show.segments[1], plannedDurationMs: 5_000 },
          { ...show.segments[2], kind: 'advert' },
        ],
      },
    };
    const text = JSON.stringify(broken, null, 2);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const errors = errorsOf(importShowJson(text));
    expect(errors.map((e) => [e.field, e.line, e.code])).toEqual([
      ['show.segments[0].title', lineOf('"title": ""'), 'invalid'],
      ['show.segments[1].plannedDurationMs', lineOf('"plannedDurationMs": 5000'), 'invalid'],
      ['show.segments[2].kind', lineOf('"kind": "advert"'), 'invalid'],
    ]);
    expect(errors[0]?.message).toBe('required');
  });

  it('names the line of the object when a required property is missing', () => {
    const text = '{"format":"cuedeck.show","version":1,\n"show":{"id":"s",\n"segments":[]}}';
    expect(errorsOf(importShowJson(text))).toEqual([
      { line: 2, column: null, field: 'show.title', message: 'Invalid input: expected string, received undefined', code: 'invalid' },
    ]);
  });

  it('refuses other JSON, newer versions and oversized files with a clear reason', () => {
    expect(errorsOf(importShowJson('[1,2]'))[0]).toMatchObject({ code: 'not_a_show', field: 'format' });
    expect(errorsOf(importShowJson('{"format":"ontime"}'))[0]).toMatchObject({ code: 'not_a_show', line: 1 });
    expect(errorsOf(importShowJson('{"format":"cuedeck.show","version":2,"show":{}}'))[0]).toMatchObject({
      code: 'newer_version',
      field: 'version',
      message: 'written by a newer Cuedeck (file version 2; this one reads 1)',
    });
    expect(errorsOf(importShowJson(' '.repeat(MAX_IMPORT_CHARS + 1)))[0]).toMatchObject({ code: 'too_large', line: null });
  });

  it('refuses hostile values: very long text, control characters, script URLs', () => {
    const show = richShow();
    const file = (s: unknown) => JSON.stringify({ format: 'cuedeck.show', version: 1, show: s });
    const long = { ...show, title: 'x'.repeat(100_000) };
    expect(errorsOf(importShowJson(file(long)))[0]).toMatchObject({ field: 'show.title', message: 'at most 200 characters' });
    const withNul = { ...show, segments: [{ ...show.segments[0], talkingPoints: 'a\u0000b' }] };
    expect(errorsOf(importShowJson(file(withNul)))[0]?.field).toBe('show.segments[0].talkingPoints');
    const badImage = { ...show, products: [{ ...cream, imageUrl: 'javascript:alert(1)' }, mask] };
    expect(errorsOf(importShowJson(file(badImage)))[0]?.field).toBe('show.products[0].imageUrl');
  });

  it('keeps HTML as inert text', () => {
    const show = { ...richShow(), title: '<img src=x onerror=alert(1)>' };
    expect(showOf(importShowJson(exportShowJson(show))).title).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('planned minutes', () => {
  it('formats whole minutes plainly and others as m:ss', () => {
    expect(formatPlannedMinutes(300_000)).toBe('5');
    expect(formatPlannedMinutes(150_000)).toBe('2:30');
    expect(formatPlannedMinutes(10_000)).toBe('0:10');
    expect(formatPlannedMinutes(5_430_000)).toBe('90:30');
    expect(formatPlannedMinutes(14_400_000)).toBe('240');
  });

  it('reads minutes, decimal minutes, mm:ss and h:mm:ss', () => {
    expect(parsePlannedMinutes('5')).toBe(300_000);
    expect(parsePlannedMinutes(' 2.5 ')).toBe(150_000);
    expect(parsePlannedMinutes('2:30')).toBe(150_000);
    expect(parsePlannedMinutes('90:30')).toBe(5_430_000);
    expect(parsePlannedMinutes('1:30:00')).toBe(5_400_000);
    expect(parsePlannedMinutes('0.33')).toBe(20_000); // rounded to whole seconds (19.8 s)
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'abc', '-5', '2:60', '1:60:00', '5 min', '1e3', '2,5', '1:2']) expect(parsePlannedMinutes(bad)).toBeNull();
  });
});

describe('CSV export', () => {
  it('writes a header and one row per segment, SKUs joined by |, with a BOM and CRLF', () => {
    let show = fourModuleShow({ newId: counter('s'), title: 'T', products: [cream] });
    show = updateSegment(show, 's-3', { productIds: ['p-cream', 'p-mask-gone'], talkingPoints: 'a, b\nc', sceneName: 'Close' });
    const lines = exportShowCsv(show).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '\uFEFFkind,title,planned_minutes,talking_points,scene,camera_preset,products',
      'opening,Opening,5,,,,',
      'product,Highlights · 修护面霜,3,"a, b\nc",Close,,CR-50',
    ]);
    expect(lines).toHaveLength(show.segments.length + 2); // header, rows, and the empty string after the final CRLF
  });

  it('guards cells that a spreadsheet would run as formulas', () => {
    const show = updateSegment(richShow(), 's-2', { title: '-5% today', talkingPoints: "'=1+1" });
    const text = exportShowCsv(show, { bom: false });
    expect(text).toContain(`opening,'-5% today,5,''=1+1,`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    // Read back exactly as written before the guard.
    const back = showOf(importShowCsv(text, { base: show, newId: counter() }));
    expect(back.segments[0]).toMatchObject({ title: '-5% today', talkingPoints: "'=1+1" });
    expect(back.segments[1]?.talkingPoints).toBe('=HYPERLINK("http://evil.test")');
  });
});

describe('CSV import', () => {
  const header = 'kind,title,planned_minutes,talking_points,scene,camera_preset,products';
  const base = (): Show => ({ ...emptyShow(() => 'show-1', 'Base'), products: [cream, mask] });

  it('round-trips the rundown of a show (Chinese, commas, quotes, line breaks, formulas, HTML)', () => {
    const show = richShow();
    const imported = showOf(importShowCsv(exportShowCsv(show), { base: show, newId: counter('n') }));
    expect(rundown(imported)).toEqual(rundown(show));
    expect(imported.segments.map((s) => s.id)).toEqual(show.segments.map((_, i) => `n-${i + 1}`));
    // Everything but the segments is the base show's.
    expect({ ...imported, segments: [] }).toEqual({ ...show, segments: [] });
  });

  it('accepts columns in any order and case, leaves optional columns out, and skips blank rows', () => {
    const text = 'Title , KIND,planned_minutes\r\n开场,opening,2:30\r\n,,\r\n\r\n收尾,收尾,1.5\r\n';
    const show = showOf(importShowCsv(text, { base: base(), newId: counter('n') }));
    expect(show.segments).toEqual([
      { id: 'n-1', kind: 'opening', title: '开场', plannedDurationMs: 150_000, talkingPoints: '', sceneName: null, cameraPresetId: null, productIds: [], cues: [], flashSales: [] },
      { id: 'n-2', kind: 'closing', title: '收尾', plannedDurationMs: 90_000, talkingPoints: '', sceneName: null, cameraPresetId: null, productIds: [], cues: [], flashSales: [] },
    ]);
  });

  it('resolves SKUs to the base show products, ignoring blanks and repeats', () => {
    const text = `${header}\r\nproduct,Both,5,,,, CR-50 | MK-10 || CR-50 \r\n`;
    expect(showOf(importShowCsv(text, { base: base(), newId: counter() })).segments[0]?.productIds).toEqual(['p-cream', 'p-mask']);
  });

  it('normalizes line breaks inside talking points', () => {
    const text = `${header}\r\nproduct,T,5,"one\r\ntwo\rthree",,,\r\n`;
    expect(showOf(importShowCsv(text, { base: base(), newId: counter() })).segments[0]?.talkingPoints).toBe('one\ntwo\nthree');
  });

  it('reports every row error with its line and column name, and returns no show', () => {
    const text = [
      header,
      'opening,Welcome,5,,,,', // line 2: fine
      'advert,Spot,5,,,,', // line 3: unknown kind
      'product,"Multi-line', // line 4-5: record starting on line 4, bad SKU
      'title?",abc,,,,NOPE',
      'closing,,0:05,,,,', // line 6: empty title, duration too short
      'custom,x,5,,,,,extra', // line 7: too many fields
    ].join('\r\n');
    const errors = errorsOf(importShowCsv(text, { base: base(), newId: counter() }));
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'kind'],
      [4, 'planned_minutes'],
      [4, 'products'],
      [4, 'title'],
      [6, 'planned_minutes'],
      [6, 'title'],
      [7, ''],
    ]);
    expect(errors.find((e) => e.field === 'products')?.message).toBe('unknown SKU "NOPE"');
    expect(errors.find((e) => e.line === 6 && e.field === 'planned_minutes')?.message).toBe('must be between 0:10 and 240 minutes');
    expect(errors[0]?.message).toContain('"advert" is not a segment kind');
  });

  it('refuses unknown, missing and repeated columns before reading rows', () => {
    const errors = errorsOf(importShowCsv('kind,titel,kind\r\nx,y,z', { base: base(), newId: counter() }));
    expect(errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [1, 'titel', 'header'],
      [1, 'kind', 'header'],
      [1, 'title', 'header'],
      [1, 'planned_minutes', 'header'],
    ]);
  });

  it('reports syntax errors and empty files', () => {
    expect(errorsOf(importShowCsv(`${header}\r\nopening,"unclosed,5`, { base: base(), newId: counter() }))).toEqual([
      { line: 2, column: 9, field: '', message: 'quoted field is never closed', code: 'syntax' },
    ]);
    expect(errorsOf(importShowCsv('\uFEFF\r\n', { base: base(), newId: counter() }))[0]).toMatchObject({ line: 1, code: 'header' });
  });

  it('refuses a file cut off in the middle of its last row, naming the line and the first missing column', () => {
    const text = `${header}\r\nopening,Hello,5,Welcome,,,\r\nclosing,Bye,5`;
    expect(errorsOf(importShowCsv(text, { base: base(), newId: counter() }))).toEqual([
      {
        line: 3,
        column: null,
        field: 'talking_points',
        message: 'the file ends in the middle of this line (3 of 7 fields, no line break): it looks cut off; nothing was imported',
        code: 'syntax',
      },
    ]);
    // The same row with its line break is complete: short rows read their missing cells as empty.
    expect(showOf(importShowCsv(`${text}\r\n`, { base: base(), newId: counter() })).segments).toHaveLength(2);
  });

  it('refuses hostile input: too long text, too many rows, oversized files', () => {
    const long = `${header}\r\nproduct,T,5,${'长'.repeat(SHOW_LIMITS.talkingPointsMaxLength + 1)},,,\r\n`;
    expect(errorsOf(importShowCsv(long, { base: base(), newId: counter() }))).toEqual([
      { line: 2, column: null, field: 'talking_points', message: `at most ${SHOW_LIMITS.talkingPointsMaxLength} characters`, code: 'invalid' },
    ]);
    const rows = Array.from({ length: SHOW_LIMITS.maxSegments + 1 }, (_, i) => `custom,Row ${i},1,,,,`);
    expect(errorsOf(importShowCsv([header, ...rows].join('\n'), { base: base(), newId: counter() }))[0]).toMatchObject({
      line: SHOW_LIMITS.maxSegments + 2,
      message: `at most ${SHOW_LIMITS.maxSegments} segments`,
    });
    expect(errorsOf(importShowCsv('x'.repeat(MAX_IMPORT_CHARS + 1), { base: base(), newId: counter() }))[0]?.code).toBe('too_large');
  });

  it('keeps HTML in cells as text', () => {
    const text = `${header}\r\ncustom,<script>alert(1)</script>,5,<img src=x onerror=alert(1)>,,,\r\n`;
    const segment = showOf(importShowCsv(text, { base: base(), newId: counter() })).segments[0];
    expect(segment?.title).toBe('<script>alert(1)</script>');
    expect(segment?.talkingPoints).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('shipped sample show', () => {
  const json = readFileSync(new URL('../../assets/sample-show.json', import.meta.url), 'utf8');

  it('validates and round-trips through JSON and CSV', () => {
    const show = showOf(importShowJson(json));
    expect(show.segments.length).toBeGreaterThanOrEqual(4);
    expect(exportShowJson(show)).toBe(json);
    const fromCsv = showOf(importShowCsv(exportShowCsv(show), { base: show, newId: counter() }));
    expect(rundown(fromCsv)).toEqual(rundown(show));
  });

  it('has a CSV twin (a template for spreadsheets) with the same rundown', () => {
    const show = showOf(importShowJson(json));
    const csv = readFileSync(new URL('../../assets/sample-show.csv', import.meta.url), 'utf8');
    const fromCsv = showOf(importShowCsv(csv, { base: show, newId: counter() }));
    expect(rundown(fromCsv)).toEqual(rundown(show));
  });
});
