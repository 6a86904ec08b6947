/** Where the page found its engine token. */
export type TokenSource = 'meta' | 'url' | 'storage';

export const TOKEN_QUERY_PARAM = 'token';
export const TOKEN_STORAGE_KEY = 'cuedeck.token';

export interface TokenInputs {
  /** content of the engine-injected <meta>, if any */
  meta: string | null;
  /** location.search */
  search: string;
  /** what localStorage holds */
  stored: string | null;
}

export interface TokenResolution {
  token: string | null;
  source: TokenSource | null;
  /** A token to save for next time (one that came in the URL). */
  persist: string | null;
  /** When the URL carried a token: the search string without it, so the token leaves the address bar. */
  cleanedSearch: string | null;
}

export function normalizeToken(raw: string | null | undefined): string | null {
  const token = raw?.trim() ?? '';
  return token === '' ? null : token;
}

/** Splits `?token=` off a search string; null when there is no such parameter. */
export function splitTokenFromSearch(search: string): { token: string | null; search: string } | null {
  const params = new URLSearchParams(search);
  if (!params.has(TOKEN_QUERY_PARAM)) return null;
  const token = normalizeToken(params.get(TOKEN_QUERY_PARAM));
  params.delete(TOKEN_QUERY_PARAM);
  const rest = params.toString();
  return { token, search: rest === '' ? '' : `?${rest}` };
}

/**
 * The engine's <meta> token is authoritative (loopback pages get a fresh one on every load); otherwise a token in the
 * link (remembered for next time), otherwise the remembered one.
 */
export function resolveToken({ meta, search, stored }: TokenInputs): TokenResolution {
  const fromUrl = splitTokenFromSearch(search);
  const cleanedSearch = fromUrl === null ? null : fromUrl.search;
  const metaToken = normalizeToken(meta);
  if (metaToken !== null) return { token: metaToken, source: 'meta', persist: null, cleanedSearch };
  const urlToken = fromUrl?.token ?? null;
  if (urlToken !== null) return { token: urlToken, source: 'url', persist: urlToken, cleanedSearch };
  const storedToken = normalizeToken(stored);
  if (storedToken !== null) return { token: storedToken, source: 'storage', persist: null, cleanedSearch };
  return { token: null, source: null, persist: null, cleanedSearch };
}
