import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse, filenameFromDisposition } from './api.ts';

describe('errorFromResponse', () => {
  it('keeps the engine code, message and issues', () => {
    const error = errorFromResponse(400, {
      ok: false,
      error: { code: 'import_failed', message: 'Not a Cuedeck session export', issues: ['format: Invalid input'] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'import_failed', message: 'Not a Cuedeck session export', issues: ['format: Invalid input'] });
  });

  it('names the status when the body says nothing useful', () => {
    expect(errorFromResponse(401, null)).toMatchObject({ code: 'unauthorized', issues: [] });
    expect(errorFromResponse(404, '<html>')).toMatchObject({ code: 'not_found' });
    expect(errorFromResponse(502, { nope: true })).toMatchObject({ code: 'http_error', message: 'HTTP 502' });
  });
});

describe('filenameFromDisposition', () => {
  it('reads the quoted file name', () => {
    expect(filenameFromDisposition('attachment; filename="cuedeck-1-events.csv"', 'x.csv')).toBe('cuedeck-1-events.csv');
  });

  it('falls back without a name and never keeps a path', () => {
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
    expect(filenameFromDisposition('attachment', 'x.csv')).toBe('x.csv');
    expect(filenameFromDisposition('attachment; filename="../a/b.json"', 'x.json')).toBe('.._a_b.json');
  });
});
