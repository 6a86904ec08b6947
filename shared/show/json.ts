/*
 * A strict JSON parser (RFC 8259) that knows where things are. JSON.parse is not used because its error
 * messages, and whether they carry a position at all, differ between engines, and because an import error
 * that names the line of the bad value is far easier to fix than one that only names its path.
 */

export type JsonPath = readonly PropertyKey[];

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type JsonParseResult =
  | { ok: true; value: unknown; lineOf: (path: JsonPath) => number }
  | { ok: false; error: JsonSyntaxError };

/** Nesting deeper than this is refused instead of risking the call stack. */
export const JSON_MAX_DEPTH = 64;

class Failure {
  readonly at: number;
  readonly message: string;
  constructor(at: number, message: string) {
    this.at = at;
    this.message = message;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonLocated(text: string): JsonParseResult {
  // Where each member of each parsed object or array starts, kept beside the value rather than by path string:
  // recording a position must stay cheap for files with millions of values.
  const positions = new WeakMap<object, Map<string, number> | number[]>();
  let i = 0;

  const describe = (at: number): string => {
    if (at >= text.length) return 'unexpected end of input';
    const c = text.codePointAt(at) ?? 0;
    return `unexpected character ${c < 0x20 ? `U+${c.toString(16).padStart(4, '0').toUpperCase()}` : `'${String.fromCodePoint(c)}'`}`;
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i += 1;
      else return;
    }
  };
  const expect = (char: string, what: string) => {
    if (text[i] !== char) throw new Failure(i, `${describe(i)}, expected ${what}`);
    i += 1;
  };

  const parseString = (): string => {
    const open = i;
    i += 1; // opening quote
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= text.length) throw new Failure(open, 'string is never closed');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(runStart, i);
        i += 1;
        return out;
      }
      if (c < 0x20) throw new Failure(i, 'control character in a string (line breaks must be written as \\n)');
      if (c === 0x5c) {
        out += text.slice(runStart, i);
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Failure(i, 'invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) throw new Failure(i, `invalid escape \\${e}`);
          out += decoded;
          i += 2;
        }
        runStart = i;
        continue;
      }
      i += 1;
    }
  };

  const parseValue = (depth: number): unknown => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= JSON_MAX_DEPTH) throw new Failure(i, `nested deeper than ${JSON_MAX_DEPTH} levels`);
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new Failure(i, 'invalid number');
      i += m[0].length;
      const n = Number(m[0]);
      if (!Number.isFinite(n)) throw new Failure(i - m[0].length, 'number is too large');
      return n;
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    throw new Failure(i, `${describe(i)}, expected a value`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const starts = new Map<string, number>();
    positions.set(obj, starts);
    i += 1;
    skipSpace();
    if (text[i] === '}') {
      i += 1;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') throw new Failure(i, `${describe(i)}, expected a property name in double quotes`);
      const name = parseString();
      skipSpace();
      expect(':', "':'");
      skipSpace();
      starts.set(name, i);
      const value = parseValue(depth);
      // defineProperty: a "__proto__" key must become data, not replace the prototype.
      Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
      skipSpace();
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      expect('}', "',' or '}'");
      return obj;
    }
  };

  const parseArray = (depth: number): unknown[] => {
    const arr: unknown[] = [];
    const starts: number[] = [];
    positions.set(arr, starts);
    i += 1;
    skipSpace();
    if (text[i] === ']') {
      i += 1;
      return arr;
    }
    for (;;) {
      skipSpace();
      starts.push(i);
      arr.push(parseValue(depth));
      skipSpace();
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      expect(']', "',' or ']'");
      return arr;
    }
  };

  // Line starts, for turning an index into line and column.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(k + 1) !== 0x0a)) lineStarts.push(k + 1);
  }
  const position = (at: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (lineStarts[lo] ?? 0) + 1 };
  };

  try {
    skipSpace();
    const rootStart = i;
    const value = parseValue(0);
    skipSpace();
    if (i < text.length) throw new Failure(i, `${describe(i)} after the end of the document`);
    const lineOf = (path: JsonPath): number => {
      // A missing property has no position: name the line of the nearest enclosing value that exists.
      let at = rootStart;
      let node: unknown = value;
      for (const part of path) {
        const starts = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
        const start = Array.isArray(starts)
          ? typeof part === 'number'
            ? starts[part]
            : undefined
          : starts?.get(String(part));
        if (start === undefined) break;
        at = start;
        node = (node as Record<PropertyKey, unknown>)[part];
      }
      return position(at).line;
    };
    return { ok: true, value, lineOf };
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    return { ok: false, error: { ...position(e.at), message: e.message } };
  }
}

/** `show.segments[2].title`, the way a developer would write the path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
