import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes lengths equal so length leaks nothing either. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Token from `Authorization: Bearer …`, or `?token=` (for Stream Deck style tools that can only send a URL). */
export function tokenFromRequest(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('token') ?? undefined;
}

/** The request's path for a log line: never its query string, which may carry `?token=`. */
export function pathForLog(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : `${raw.slice(0, query)}?…`;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A request from this machine that also *names* this machine. Checking the Host header as well defeats DNS
 * rebinding: a web page that resolves its own domain to 127.0.0.1 still sends its own domain as Host.
 */
export function isLocalRequest(req: IncomingMessage): boolean {
  const host = hostnameOf(req.headers.host);
  const namesLoopback = host === 'localhost' || host === '[::1]' || (host !== undefined && /^127\.\d+\.\d+\.\d+$/.test(host));
  return namesLoopback && isLoopbackAddress(req.socket.remoteAddress);
}

/** True when a browser's Origin (if any) is this very server; other sites may not drive the API from a page. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a cross-site browser request (curl, Companion, the shell)
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
