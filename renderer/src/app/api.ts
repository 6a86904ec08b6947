import { z } from 'zod';
import { TOKEN_META_NAME } from '../../../shared/protocol/index.ts';
import { TOKEN_STORAGE_KEY, resolveToken } from './token.ts';

/**
 * The engine's HTTP API, for what does not fit the socket (long lists, files). Every call carries the token the
 * socket uses; every answer is checked against its schema before anyone reads it.
 */

/** What went wrong with a call: the engine's own error code, or one of ours (offline, bad_response). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly string[];
  constructor(status: number, code: string, message: string, issues: readonly string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** The engine's error body: `{ ok: false, error: { code, message, issues? } }`. */
const ErrorBody = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.string()).optional() }),
});

/** An ApiError for a failed answer, from its body when the engine explained itself. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues);
  const code = status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'http_error';
  return new ApiError(status, code, `HTTP ${status}`);
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, else `fallback`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = header === null ? null : /filename="([^"]+)"/i.exec(header);
  const name = match?.[1]?.trim() ?? '';
  // Never a path: a name only.
  const safe = name.replace(/[/\\]/g, '_');
  return safe === '' ? fallback : safe;
}

/** The token this page's socket was opened with: the engine's <meta> first, else the one remembered. */
export function currentToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? null;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // storage disabled: only the engine's <meta> can help
  }
  return resolveToken({ meta, search: '', stored }).token;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const token = currentToken();
  if (token === null) throw new ApiError(401, 'unauthorized', 'No access token');
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'offline', error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) throw errorFromResponse(res.status, await res.json().catch(() => null));
  return res;
}

async function parsed<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
  const body: unknown = await res.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ApiError(res.status, 'bad_response', 'The engine sent an answer this page does not understand', issues);
  }
  return result.data;
}

/** GET a JSON resource and check it against `schema`. */
export async function apiGet<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return parsed(await call(path, { signal }), schema);
}

/** POST JSON and check the answer against `schema`. Error answers (4xx/5xx) throw an ApiError with the engine's code. */
export async function apiPost<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  const res = await call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return parsed(res, schema);
}

/** DELETE a resource and check the answer against `schema`. */
export async function apiDelete<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return parsed(await call(path, { method: 'DELETE' }), schema);
}

/** POST a body that is already JSON text (a file the user chose), without parsing it here first. */
export async function apiPostJsonText<S extends z.ZodType>(path: string, text: string, schema: S): Promise<z.infer<S>> {
  const res = await call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
  return parsed(res, schema);
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const res = await call(path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName);
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
