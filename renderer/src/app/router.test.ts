import { describe, expect, it } from 'vitest';
import { matchRoute, normalizePath, reviewPath } from './router.ts';

describe('matchRoute', () => {
  it('matches the views', () => {
    expect(matchRoute('/producer')).toEqual({ kind: 'view', view: 'producer' });
    expect(matchRoute('/show')).toEqual({ kind: 'view', view: 'show' });
    expect(matchRoute('/streamer')).toEqual({ kind: 'view', view: 'streamer' });
    expect(matchRoute('/settings')).toEqual({ kind: 'view', view: 'settings' });
    expect(matchRoute('/feeds')).toEqual({ kind: 'view', view: 'feeds' });
    expect(matchRoute('/review')).toEqual({ kind: 'view', view: 'review' });
  });

  it('reads the session id of a review', () => {
    expect(matchRoute('/review/abc-123')).toEqual({ kind: 'view', view: 'review', sessionId: 'abc-123' });
    expect(matchRoute('/review/abc-123/')).toEqual({ kind: 'view', view: 'review', sessionId: 'abc-123' });
    expect(matchRoute('/review/a%20b')).toEqual({ kind: 'view', view: 'review', sessionId: 'a b' });
    expect(matchRoute('/review/x/y')).toEqual({ kind: 'not_found', path: '/review/x/y' });
    expect(matchRoute('/review/%E0%A4%A')).toEqual({ kind: 'not_found', path: '/review/%E0%A4%A' });
    expect(matchRoute('/review/%20')).toEqual({ kind: 'not_found', path: '/review/%20' });
  });

  it('builds review addresses that match back', () => {
    expect(reviewPath('a b/c')).toBe('/review/a%20b%2Fc');
    expect(matchRoute(reviewPath('a b/c'))).toEqual({ kind: 'view', view: 'review', sessionId: 'a b/c' });
  });

  it('ignores trailing slashes', () => {
    expect(matchRoute('/settings/')).toEqual({ kind: 'view', view: 'settings' });
  });

  it('redirects the root to the producer view', () => {
    expect(matchRoute('/')).toEqual({ kind: 'redirect', to: '/producer' });
    expect(matchRoute('')).toEqual({ kind: 'redirect', to: '/producer' });
  });

  it('reports unknown paths as not found, with the path as asked', () => {
    expect(matchRoute('/nope')).toEqual({ kind: 'not_found', path: '/nope' });
    expect(matchRoute('/producer/extra')).toEqual({ kind: 'not_found', path: '/producer/extra' });
    expect(matchRoute('/Producer')).toEqual({ kind: 'not_found', path: '/Producer' });
  });
});

describe('normalizePath', () => {
  it('strips trailing slashes but keeps the root', () => {
    expect(normalizePath('/a//')).toBe('/a');
    expect(normalizePath('///')).toBe('/');
  });
});
