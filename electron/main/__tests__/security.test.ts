import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenAllWebContents,
  hardenContents,
  hardenSession,
  isAllowedUrl,
  isTrustedSender,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../security.ts';
import type { HardenableSession } from '../security.ts';
import { app, resetFakeElectron, shell } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const ORIGIN = 'http://127.0.0.1:7480';
const quietLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits a navigation-like event; returns whether it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const preventDefault = vi.fn();
    this.emit(event, { url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  }
  windowOpen(url: string): { action: string } {
    if (!this.openHandler) throw new Error('no window open handler installed');
    return this.openHandler({ url });
  }
}

beforeEach(() => {
  resetFakeElectron();
});

describe('secureWebPreferences', () => {
  it('turns on every isolation switch and the preload', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('isAllowedUrl', () => {
  it('compares exact origins', () => {
    expect(isAllowedUrl(`${ORIGIN}/producer?x=1#y`, ORIGIN)).toBe(true);
    expect(isAllowedUrl(`${ORIGIN}/`, `${ORIGIN}/some/path`)).toBe(true);
    for (const other of [
      'http://127.0.0.1:7481/producer',
      'https://127.0.0.1:7480/producer',
      'http://localhost:7480/producer',
      'http://127.0.0.1.evil.example:7480/',
      'http://127.0.0.1:7480@evil.example/',
      'file:///etc/passwd',
      'about:blank',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedUrl(other, ORIGIN), other).toBe(false);
    }
  });

  it('allows nothing while the engine origin is unknown', () => {
    expect(isAllowedUrl(`${ORIGIN}/producer`, () => undefined)).toBe(false);
    expect(isAllowedUrl('about:blank', () => undefined)).toBe(false);
    expect(isAllowedUrl('about:blank', 'garbage')).toBe(false);
  });
});

describe('hardenContents', () => {
  it('allows same-origin navigation and blocks navigation anywhere else', () => {
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, quietLog());
    expect(contents.navigate('will-navigate', `${ORIGIN}/streamer`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:9999/producer')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///C:/Windows/')).toBe(true);
  });

  it('applies the same rule to redirects', () => {
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, quietLog());
    expect(contents.navigate('will-redirect', `${ORIGIN}/producer`)).toBe(false);
    expect(contents.navigate('will-redirect', 'http://evil.example/')).toBe(true);
  });

  it('follows the engine to a new port after a restart', () => {
    let origin: string | undefined = ORIGIN;
    const contents = new FakeContents();
    hardenContents(contents, () => origin, quietLog());
    origin = 'http://127.0.0.1:7490';
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:7490/producer')).toBe(false);
    expect(contents.navigate('will-navigate', `${ORIGIN}/producer`)).toBe(true);
  });

  it('denies every window.open and sends external web links to the OS browser', () => {
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, quietLog());
    expect(contents.windowOpen('https://example.com/help')).toEqual({ action: 'deny' });
    expect(contents.windowOpen('http://example.com/')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/help'], ['http://example.com/']]);
  });

  it('opens nothing for same-origin popups or non-web schemes', () => {
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, quietLog());
    for (const url of [`${ORIGIN}/streamer`, 'file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)', 'mailto:a@b.c']) {
      expect(contents.windowOpen(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('logs instead of throwing when the OS browser cannot be opened', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    const log = quietLog();
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, log);
    contents.windowOpen('https://example.com/');
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('could not open'), expect.any(Error)));
  });

  it('blocks webview attachment', () => {
    const contents = new FakeContents();
    hardenContents(contents, ORIGIN, quietLog());
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every web contents the app creates', () => {
    hardenAllWebContents(ORIGIN, quietLog());
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpen(`${ORIGIN}/x`)).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const target = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(target as HardenableSession, quietLog());
    return target;
  }

  it('denies every permission request', () => {
    const target = fakeSession();
    const handler = target.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      handler({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const target = fakeSession();
    const check = target.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', ORIGIN, {})).toBe(false);
    expect(check(null, 'notifications', ORIGIN, {})).toBe(false);
  });

  it('adds the CSP header to responses and keeps the other headers', () => {
    const target = fakeSession();
    const listener = target.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('withContentSecurityPolicy', () => {
  it('contains the required directives', () => {
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('adds the header when there are no headers at all', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('keeps a policy the server sent (both are enforced) whatever its header casing', () => {
    const result = withContentSecurityPolicy({ 'content-security-policy': ["default-src 'none'"] });
    expect(result).toEqual({ 'content-security-policy': ["default-src 'none'", CONTENT_SECURITY_POLICY] });
  });
});

describe('isTrustedSender', () => {
  it('trusts only frames on the engine origin', () => {
    expect(isTrustedSender({ senderFrame: { url: `${ORIGIN}/producer` } }, ORIGIN)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/' } }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:7481/producer' } }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: `${ORIGIN}/producer` } }, () => undefined)).toBe(false);
  });
});
