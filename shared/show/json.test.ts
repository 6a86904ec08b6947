import { describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH, formatJsonPath, parseJsonLocated } from './json.ts';

function parsed(text: string) {
  const r = parseJsonLocated(text);
  if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)}`);
  return r;
}

function syntaxError(text: string) {
  const r = parseJsonLocated(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseJsonLocated', () => {
  it('parses like JSON.parse', () => {
    const samples = [
      '{"a":[1,-2.5,3e2,0,1E-2],"b":{"c":null,"d":true,"e":false},"s":"x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u4e2d"}',
      '[]',
      '{}',
      ' "只是字符串" ',
      '-0',
      '[[[]]]',
      '"\\ud83d\\ude00"',
    ];
    for (const s of samples) expect(parsed(s).value).toEqual(JSON.parse(s));
  });

  it('keeps "__proto__" as a plain property', () => {
    const value = parsed('{"__proto__":{"polluted":true},"a":1}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('knows the line of every value, and of the nearest parent for a missing one', () => {
    const text = '{\n  "show": {\n    "segments": [\n      {"title": 1},\n      {\n        "title": "x"\n      }\n    ]\n  }\n}';
    const { lineOf } = parsed(text);
    expect(lineOf([])).toBe(1);
    expect(lineOf(['show'])).toBe(2);
    expect(lineOf(['show', 'segments', 0, 'title'])).toBe(4);
    expect(lineOf(['show', 'segments', 1, 'title'])).toBe(6);
    expect(lineOf(['show', 'segments', 1, 'kind'])).toBe(5);
    expect(lineOf(['show', 'title'])).toBe(2);
  });

  it('reports syntax errors with line and column', () => {
    expect(syntaxError('{\n  "a": 1,\n  "b": 2,\n}')).toEqual({ line: 4, column: 1, message: "unexpected character '}', expected a property name in double quotes" });
    expect(syntaxError('{"a" 1}')).toEqual({ line: 1, column: 6, message: "unexpected character '1', expected ':'" });
    expect(syntaxError('[1 2]')).toMatchObject({ line: 1, column: 4 });
    expect(syntaxError('{"a":\n  "open')).toEqual({ line: 2, column: 3, message: 'string is never closed' });
    expect(syntaxError('"a\nb"')).toMatchObject({ line: 1, column: 3 });
    expect(syntaxError('')).toEqual({ line: 1, column: 1, message: 'unexpected end of input, expected a value' });
    expect(syntaxError('{"a":1} x')).toEqual({ line: 1, column: 9, message: "unexpected character 'x' after the end of the document" });
    expect(syntaxError("{'a':1}")).toMatchObject({ line: 1, column: 2 });
    expect(syntaxError('[01]')).toMatchObject({ line: 1, column: 3 });
    expect(syntaxError('[1.]')).toMatchObject({ line: 1, column: 3 });
    expect(syntaxError('["\\x"]')).toEqual({ line: 1, column: 3, message: 'invalid escape \\x' });
    expect(syntaxError('[NaN]')).toMatchObject({ line: 1, column: 2 });
    expect(syntaxError('[1e999]')).toEqual({ line: 1, column: 2, message: 'number is too large' });
    expect(syntaxError('{\r\n"a":tru}')).toMatchObject({ line: 2, column: 5 });
  });

  it('refuses deep nesting instead of overflowing the stack', () => {
    expect(parsed('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH)).value).toBeInstanceOf(Array);
    expect(syntaxError('['.repeat(100_000))).toEqual({ line: 1, column: JSON_MAX_DEPTH + 1, message: `nested deeper than ${JSON_MAX_DEPTH} levels` });
  });
});

describe('formatJsonPath', () => {
  it('writes paths the way a developer reads them', () => {
    expect(formatJsonPath(['show', 'segments', 2, 'title'])).toBe('show.segments[2].title');
    expect(formatJsonPath([0, 'a b', 'c'])).toBe('[0]["a b"].c');
    expect(formatJsonPath([])).toBe('');
  });
});
