import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import { en } from '../../i18n/en.ts';
import { apiErrorView } from './apiErrorText.ts';

describe('apiErrorView', () => {
  it('explains known codes and keeps the engine detail and issues', () => {
    expect(apiErrorView(new ApiError(409, 'conflict', 'That session is already here'))).toEqual({
      key: 'review.error.conflict',
      detail: 'That session is already here',
      issues: [],
    });
    expect(apiErrorView(new ApiError(400, 'import_failed', 'Not an export', ['format: bad'])).issues).toEqual(['format: bad']);
  });

  it('reads unknown codes and other failures as a general error', () => {
    expect(apiErrorView(new ApiError(418, 'teapot', 'HTTP 418')).key).toBe('review.error.http_error');
    expect(apiErrorView(new Error('boom'))).toEqual({ key: 'review.error.http_error', detail: 'boom', issues: [] });
  });

  it('has words for every code', () => {
    for (const code of ['unauthorized', 'not_found', 'offline', 'bad_response', 'bad_request', 'import_failed', 'conflict', 'internal', 'http_error']) {
      expect(Object.hasOwn(en, `review.error.${code}`), code).toBe(true);
    }
  });
});

describe('apiErrorView scopes', () => {
  it('explains a failure in the words of the page that made the call', () => {
    expect(apiErrorView(new ApiError(404, 'not_found', 'no such member'), 'members').key).toBe('members.error.not_found');
    expect(apiErrorView(new ApiError(404, 'not_found', 'no such session')).key).toBe('review.error.not_found');
  });
});
