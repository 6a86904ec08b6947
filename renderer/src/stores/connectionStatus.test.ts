import { describe, expect, it } from 'vitest';
import { isTerminal, statusAfterConnectError } from './connectionStatus.ts';

describe('statusAfterConnectError', () => {
  it('maps handshake refusals', () => {
    expect(statusAfterConnectError('unauthorized', false)).toBe('unauthorized');
    expect(statusAfterConnectError('protocol_mismatch', true)).toBe('protocol_mismatch');
  });

  it('treats anything else as transient', () => {
    expect(statusAfterConnectError('xhr poll error', false)).toBe('connecting');
    expect(statusAfterConnectError('websocket error', true)).toBe('reconnecting');
  });

  it('marks refusals terminal', () => {
    expect(isTerminal('unauthorized')).toBe(true);
    expect(isTerminal('protocol_mismatch')).toBe(true);
    expect(isTerminal('reconnecting')).toBe(false);
    expect(isTerminal('connected')).toBe(false);
  });
});
