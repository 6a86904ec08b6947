/**
 * Electron security checklist for the shell. Windows only ever show pages served by the local engine,
 * so everything else (other origins, popups, permissions, webviews, Node) is denied.
 */
import { app, shell } from 'electron';
import type { Session, WebPreferences } from 'electron';
import type { ShellLogger } from './log.ts';

/** The engine origin, e.g. 'http://127.0.0.1:7480'. A getter because a restarted engine may get a new port. */
export type OriginSource = string | (() => string | undefined);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function resolveOrigin(source: OriginSource): string | undefined {
  return typeof source === 'function' ? source() : source;
}

/** Serialized origin of `url`, or undefined for unparsable URLs and opaque origins (file:, data:, about:). */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Exact origin match (scheme, host and port); no prefix or host-only comparisons. */
export function isAllowedUrl(url: string, allowedOrigin: OriginSource): boolean {
  const source = resolveOrigin(allowedOrigin);
  const allowed = source === undefined ? undefined : originOf(source);
  return allowed !== undefined && originOf(url) === allowed;
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
  };
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of WebContents hardenContents touches (structural so tests need no casts). */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function hardenContents(contents: HardenableContents, allowedOrigin: OriginSource, log: ShellLogger = console): void {
  const guard = (event: PreventableEvent & { url: string }): void => {
    if (isAllowedUrl(event.url, allowedOrigin)) return;
    event.preventDefault();
    log.warn(`[security] blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No page gets a second window (the streamer window is opened by the shell over IPC); links to the
  // web go to the user's browser, which keeps them out of this privileged session.
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url) && !isAllowedUrl(url, allowedOrigin)) {
      shell.openExternal(url).catch((error: unknown) => log.warn(`[security] could not open ${url} externally`, error));
    } else {
      log.warn(`[security] denied window.open(${url})`);
    }
    return { action: 'deny' };
  });
}

/** Applies hardenContents to every WebContents the app ever creates, including ones not made by our code. */
export function hardenAllWebContents(allowedOrigin: OriginSource, log: ShellLogger = console): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, allowedOrigin, log));
}

/** Appends our CSP; a policy the engine already sent stays and both are enforced. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const existingKey = Object.keys(result).find((key) => key.toLowerCase() === 'content-security-policy');
  const key = existingKey ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), CONTENT_SECURITY_POLICY];
  return result;
}

export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

export function hardenSession(target: HardenableSession, log: ShellLogger = console): void {
  // The UI needs no camera, notifications, geolocation, etc.; deny both the request and the silent check.
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`[security] denied permission request: ${permission}`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** For IPC handlers: only frames showing the engine's pages may talk to the shell. */
export function isTrustedSender(event: { readonly senderFrame: { readonly url: string } | null }, allowedOrigin: OriginSource): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAllowedUrl(frame.url, allowedOrigin);
}
