import { describe, expect, it } from 'vitest';
import { matchRoute, normalizePath } from './router.ts';

describe('matchRoute', () => {
  it('matches the views', () => {
    expect(matchRoute('/producer')).toEqual({ kind: 'view', view: 'producer' });
    expect(matchRoute('/show')).toEqual({ kind: 'view', view: 'show' });
    expect(matchRoute('/streamer')).toEqual({ kind: 'view', view: 'streamer' });
    expect(matchRoute('/settings')).toEqual({ kind: 'view', view: 'settings' });
    expect(matchRoute('/feeds')).toEqual({ kind: 'view', view: 'feeds' });
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
