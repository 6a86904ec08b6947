import { describe, expect, it } from 'vitest';
import { cutOffRecord, parseCsv, serializeCsv } from './csv.ts';

function records(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)}`);
  return r.records;
}

function syntaxError(text: string) {
  const r = parseCsv(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseCsv', () => {
  it('reads plain fields with CRLF, LF or CR line ends and without a final line end', () => {
    expect(records('a,b\r\nc,d\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(records('a,b\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
    expect(records('a\rb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping the start line of each record', () => {
    const text = 'kind,notes\r\nproduct,"first, second\r\n""quoted""\nthird"\r\nclosing,x\r\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ['kind', 'notes'] },
      { line: 2, fields: ['product', 'first, second\r\n"quoted"\nthird'] },
      { line: 5, fields: ['closing', 'x'] },
    ]);
  });

  it('keeps empty fields, empty quoted fields and empty lines', () => {
    expect(records(',"",\r\n\r\nx')).toEqual([
      { line: 1, fields: ['', '', ''] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['x'] },
    ]);
    expect(records('')).toEqual([]);
  });

  it('drops a UTF-8 byte order mark and reads Chinese text', () => {
    expect(records('\uFEFF类型,标题\r\n开场,欢迎来到直播间')).toEqual([
      { line: 1, fields: ['类型', '标题'] },
      { line: 2, fields: ['开场', '欢迎来到直播间'] },
    ]);
  });

  it('keeps white space and HTML as data', () => {
    expect(records(' a , <b>x</b> ')).toEqual([{ line: 1, fields: [' a ', ' <b>x</b> '] }]);
  });

  it('reports an unclosed quote at the quote that opened it', () => {
    expect(syntaxError('a,b\r\nc,"never\r\nclosed')).toEqual({ line: 2, column: 3, message: 'quoted field is never closed' });
  });

  it('reports text after a closing quote and a quote inside an unquoted field, with line and column', () => {
    expect(syntaxError('a\r\n"x"y,z')).toMatchObject({ line: 2, column: 4 });
    expect(syntaxError('ok\r\n"multi\r\nline"oops')).toMatchObject({ line: 3, column: 6 });
    expect(syntaxError('a,b"c')).toEqual({ line: 1, column: 4, message: 'a field containing quotes must be enclosed in quotes' });
  });

  it('handles a long field quickly', () => {
    const long = 'x'.repeat(1_000_000);
    expect(records(`"${long}",y`)[0]?.fields[0]?.length).toBe(1_000_000);
  });
});

describe('cutOffRecord', () => {
  it('finds a last record short of fields with no line end after it, and nothing else', () => {
    const cut = 'a,b,c\r\n1,2,3\r\n4,5';
    expect(cutOffRecord(cut, records(cut), 3)).toEqual({ line: 3, fields: ['4', '5'] });
    for (const whole of ['a,b,c\r\n1,2,3\r\n4,5\r\n', 'a,b,c\r\n1,2,3', 'a,b,c\n4,5\n', 'a,b,c']) expect(cutOffRecord(whole, records(whole), 3)).toBeNull();
  });
});

describe('serializeCsv', () => {
  it('quotes only what needs it, uses CRLF and starts with a BOM by default', () => {
    expect(serializeCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' pad', '']])).toBe('\uFEFFa,"b,c","say ""hi""","two\nlines"," pad",\r\n');
    expect(serializeCsv([['x']], { bom: false })).toBe('x\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['kind', 'title', 'notes'],
      ['product', '产品亮点 · 面霜', '第一行\n第二行, 带逗号\r\n"引号"'],
      ['', ' ', '<script>alert(1)</script>'],
    ];
    expect(records(serializeCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
