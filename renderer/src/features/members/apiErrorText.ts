import { ApiError } from '../../app/api.ts';
import type { MessageKey } from '../../i18n/en.ts';

const KNOWN = ['unauthorized', 'not_found', 'offline', 'bad_response', 'bad_request', 'conflict', 'import_failed', 'internal'] as const;
type Known = (typeof KNOWN)[number];

export interface ApiErrorView {
  key: MessageKey;
  /** The engine's own words (English, technical), shown as detail. */
  detail: string;
  issues: readonly string[];
}

/** A failed call to the engine in the page's words, with the engine's detail. */
export function apiErrorView(error: unknown): ApiErrorView {
  if (!(error instanceof ApiError)) return { key: 'members.error.http_error', detail: error instanceof Error ? error.message : String(error), issues: [] };
  const code: Known | 'http_error' = (KNOWN as readonly string[]).includes(error.code) ? (error.code as Known) : 'http_error';
  return { key: `members.error.${code}`, detail: error.message, issues: error.issues };
}
