import { ApiError } from '../../app/api.ts';
import type { MessageKey } from '../../i18n/en.ts';

/** Engine and page error codes explained in words; anything else reads as a general failure. */
const KNOWN = ['unauthorized', 'not_found', 'offline', 'bad_response', 'bad_request', 'import_failed', 'conflict', 'internal'] as const;
type Known = (typeof KNOWN)[number];

export interface ApiErrorView {
  key: MessageKey;
  /** The engine's own words (English, technical), shown as detail; empty when there are none. */
  detail: string;
  issues: readonly string[];
}

/** Whose words: each page explains failures in its own context (a review export vs a member import). */
export type ApiErrorScope = 'review' | 'members';

export function apiErrorView(error: unknown, scope: ApiErrorScope = 'review'): ApiErrorView {
  if (!(error instanceof ApiError)) return { key: `${scope}.error.http_error`, detail: error instanceof Error ? error.message : String(error), issues: [] };
  const code = (KNOWN as readonly string[]).includes(error.code) ? (error.code as Known) : 'http_error';
  return { key: `${scope}.error.${code}`, detail: error.message, issues: error.issues };
}
