import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATHS, API_PREFIX, type ErrorCode } from '../../../shared/protocol/index.ts';
import type { Dispatch } from '../dispatch/dispatcher.ts';
import type { StateHub } from '../state/state-hub.ts';
import { isSameOrigin, tokenFromRequest, tokensEqual } from './auth.ts';
import { AccessGuard, retryAfterSeconds } from './rate-limit.ts';
import { setSecurityHeaders } from './static-files.ts';

/** Commands carry whole show scripts (imports are capped at 5 M characters of text). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const STATUS_BY_ERROR: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  obs_not_connected: 409,
  obs_request_failed: 502,
  obs_unsupported: 501,
  conflict: 409,
  compliance_flags: 409,
  import_failed: 422,
  rate_limited: 429,
  storage_failed: 503,
  internal: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string, status = STATUS_BY_ERROR[code]): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

export class BodyError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new BodyError(415, 'Send the command as JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit keep reading but keep nothing: answering mid-upload would reset the connection and the
    // client would see a network error instead of the 413 (the caller already proved it has the token).
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) throw new BodyError(413, `Request body over ${maxBytes} bytes`);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new BodyError(400, `Request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function sendRateLimited(res: ServerResponse, retryAfterMs: number, message: string): void {
  const seconds = retryAfterSeconds(retryAfterMs);
  res.setHeader('Retry-After', String(seconds));
  sendError(res, 'rate_limited', `${message}; retry in ${seconds} s`);
}

/** A group of routes; answers true when it handled the request. */
export type ApiRoutes = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;

/**
 * The HTTP API (Stream Deck / Companion / scripts): the same commands as the socket, through the same dispatcher.
 * Every call needs the token; browsers from other origins are refused and no CORS headers are ever sent.
 * Rate limits per address (see rate-limit.ts): an address that sent too many wrong tokens is refused before
 * its token is checked; calls with the right token are held to a generous rate only.
 */
export function createApiHandler(deps: { token: string; dispatch: Dispatch; hub: StateHub; routes?: ApiRoutes[]; guard?: AccessGuard }) {
  const guard = deps.guard ?? new AccessGuard();
  return async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const address = req.socket.remoteAddress;
    const lockout = guard.lockedOut(address);
    if (!lockout.ok) return sendRateLimited(res, lockout.retryAfterMs, 'Too many wrong access tokens from this address');
    const given = tokenFromRequest(req);
    if (given === undefined || !tokensEqual(given, deps.token)) {
      guard.failed(address);
      res.setHeader('WWW-Authenticate', 'Bearer realm="cuedeck"');
      sendError(res, 'unauthorized', 'Missing or wrong access token. Send "Authorization: Bearer <token>".');
      return;
    }
    if (!isSameOrigin(req)) {
      sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Cross-origin requests are not allowed' } });
      return;
    }
    const allowed = guard.request(address);
    if (!allowed.ok) return sendRateLimited(res, allowed.retryAfterMs, 'Too many requests from this address');
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === API_PATHS.state) {
      if (req.method !== 'GET') return void res.writeHead(405, { Allow: 'GET' }).end();
      sendJson(res, 200, deps.hub.snapshot());
      return;
    }
    if (pathname === API_PATHS.commands) {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        if (error instanceof BodyError) return sendError(res, 'bad_request', error.message, error.status);
        throw error;
      }
      const result = await deps.dispatch(body);
      sendJson(res, result.ok ? 200 : STATUS_BY_ERROR[result.error.code], result);
      return;
    }
    for (const routes of deps.routes ?? []) if (await routes(req, res, pathname)) return;
    sendError(res, 'not_found', `No API at ${pathname}; see ${API_PREFIX}/state and ${API_PREFIX}/commands`);
  };
}
