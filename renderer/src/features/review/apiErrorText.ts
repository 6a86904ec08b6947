import { ApiError } from '../../app/api.ts';
import type { MessageKey } from '../../i18n/en.ts';

/** Engine and page error codes the review explains in words; anything else reads as a general failure. */
const KNOWN = ['unauthorized', 'not_found', 'offline', 'bad_response', 'bad_request', 'import_failed', 'conflict', 'internal'] as const;
type Known = (typeof KNOWN)[number];

export interface ApiErrorView {
  key: MessageKey;
  /** The engine's own words (English, technical), shown as detail; empty when there are none. */
  detail: string;
  issues: readonly string[];
}

export function apiErrorView(error: unknown): ApiErrorView {
  if (!(error instanceof ApiError)) return { key: 'review.error.http_error', detail: error instanceof Error ? error.message : String(error), issues: [] };
  const code = (KNOWN as readonly string[]).includes(error.code) ? (error.code as Known) : 'http_error';
  return { key: `review.error.${code}`, detail: error.message, issues: error.issues };
}
