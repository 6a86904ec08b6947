import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { TOKEN_META_NAME } from '../../../shared/protocol/index.ts';
import { isLocalRequest } from './auth.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

const MISSING_BUILD = `<!doctype html><meta charset="utf-8"><title>Cuedeck</title>
<p>The Cuedeck UI has not been built. Run <code>npm run build</code>, then reload.</p>
<p>Cuedeck 的界面尚未构建。请运行 <code>npm run build</code> 后刷新。</p>`;

/** The built UI: next to the built engine (dist/electron/engine → dist/renderer) or, run from source, repo/dist/renderer. */
export function findRendererDir(engineDir: string, override: string | undefined): string | undefined {
  const root = path.resolve(engineDir, '../..');
  // From source, ../../renderer is the unbuilt UI source: never serve that.
  const built = path.basename(root) === 'dist' ? path.join(root, 'renderer') : path.join(root, 'dist', 'renderer');
  const candidates = override ? [override] : [built];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** Serves the built single-page UI: hashed assets as files, every other path as index.html. */
export function createStaticHandler(rendererDir: string | undefined, token: string) {
  const root = rendererDir ? path.resolve(rendererDir) : undefined;
  const indexHtml = root ? readFileSync(path.join(root, 'index.html'), 'utf8') : MISSING_BUILD;
  const escapedToken = token.replace(/[^A-Za-z0-9_-]/g, '');
  // Only pages served to this machine get the token; LAN browsers must be given it by the operator.
  const localIndexHtml = indexHtml.replace('</head>', `<meta name="${TOKEN_META_NAME}" content="${escapedToken}"></head>`);

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Malformed URL');
      return;
    }
    if (root && path.extname(pathname) !== '') {
      const file = path.resolve(root, `.${pathname}`);
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        const immutable = pathname.startsWith('/assets/');
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      }
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : isLocalRequest(req) ? localIndexHtml : indexHtml);
  };
}
