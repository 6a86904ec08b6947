import { TOKEN_META_NAME } from '../../../shared/protocol/index.ts';
import { TOKEN_STORAGE_KEY, resolveToken, type TokenResolution } from './token.ts';

function readStored(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // storage disabled: the token works for this page only
  }
}

/** Finds the token for this page; saves a token from the link and takes it out of the address bar. */
export function loadToken(): TokenResolution {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? null;
  const resolution = resolveToken({ meta, search: location.search, stored: readStored() });
  if (resolution.persist !== null) saveToken(resolution.persist);
  if (resolution.cleanedSearch !== null) {
    history.replaceState(history.state, '', `${location.pathname}${resolution.cleanedSearch}${location.hash}`);
  }
  return resolution;
}
