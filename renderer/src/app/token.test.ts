import { describe, expect, it } from 'vitest';
import { normalizeToken, resolveToken, splitTokenFromSearch } from './token.ts';

describe('splitTokenFromSearch', () => {
  it('returns null without a token parameter', () => {
    expect(splitTokenFromSearch('')).toBeNull();
    expect(splitTokenFromSearch('?lang=en')).toBeNull();
  });

  it('takes the token and keeps the rest of the query', () => {
    expect(splitTokenFromSearch('?token=abc')).toEqual({ token: 'abc', search: '' });
    expect(splitTokenFromSearch('?a=1&token=abc&b=2')).toEqual({ token: 'abc', search: '?a=1&b=2' });
  });

  it('decodes the token and treats an empty one as none', () => {
    expect(splitTokenFromSearch('?token=a%2Bb%3D')?.token).toBe('a+b=');
    expect(splitTokenFromSearch('?token=')).toEqual({ token: null, search: '' });
  });
});

describe('normalizeToken', () => {
  it('trims and maps blank to null', () => {
    expect(normalizeToken('  t  ')).toBe('t');
    expect(normalizeToken('   ')).toBeNull();
    expect(normalizeToken(null)).toBeNull();
    expect(normalizeToken(undefined)).toBeNull();
  });
});

describe('resolveToken', () => {
  it('prefers the engine meta token and does not store it', () => {
    expect(resolveToken({ meta: 'meta', search: '', stored: 'old' })).toEqual({
      token: 'meta',
      source: 'meta',
      persist: null,
      cleanedSearch: null,
    });
  });

  it('still cleans a URL token when the meta token wins', () => {
    expect(resolveToken({ meta: 'meta', search: '?token=url', stored: null }).cleanedSearch).toBe('');
  });

  it('uses and stores a URL token, and cleans the address bar', () => {
    expect(resolveToken({ meta: '', search: '?token=url&x=1', stored: 'old' })).toEqual({
      token: 'url',
      source: 'url',
      persist: 'url',
      cleanedSearch: '?x=1',
    });
  });

  it('falls back to the stored token', () => {
    expect(resolveToken({ meta: null, search: '', stored: 'saved' })).toMatchObject({ token: 'saved', source: 'storage' });
  });

  it('falls back to the stored token when the URL token is empty', () => {
    expect(resolveToken({ meta: null, search: '?token=', stored: 'saved' })).toMatchObject({
      token: 'saved',
      cleanedSearch: '',
    });
  });

  it('reports none when there is none', () => {
    expect(resolveToken({ meta: null, search: '', stored: null })).toEqual({
      token: null,
      source: null,
      persist: null,
      cleanedSearch: null,
    });
  });
});
