import { describe, expect, it } from 'vitest';
import { describeObsStatus, obsActions } from './obsStatusView.ts';

const url = 'ws://10.0.0.5:4455';

describe('describeObsStatus', () => {
  it('shows versions when connected', () => {
    const view = describeObsStatus({ phase: 'connected', since: 1, obsVersion: '31.0.2', websocketVersion: '5.5.4' }, url);
    expect(view).toMatchObject({ phase: 'connected', phaseKey: 'obs.phase.connected', reason: null });
    expect(view.versions).toEqual({ obs: '31.0.2', websocket: '5.5.4' });
  });

  it('gives a specific reason with the URL when offline', () => {
    const view = describeObsStatus({ phase: 'offline', since: 1, reason: 'refused', nextRetryAt: 5000 }, url);
    expect(view.phaseKey).toBe('obs.phase.offline');
    expect(view.reason).toEqual({ key: 'obs.reason.refused', params: { url } });
    expect(view.nextRetryAt).toBe(5000);
    expect(view.suggestSettings).toBe(false);
  });

  it('names the address being tried while connecting', () => {
    expect(describeObsStatus({ phase: 'connecting', since: 1, attempt: 2 }, url).target).toBe(url);
  });

  it('points to Settings when the fix is there', () => {
    expect(describeObsStatus({ phase: 'offline', since: 1, reason: 'not_configured' }, '').suggestSettings).toBe(true);
    expect(describeObsStatus({ phase: 'offline', since: 1, reason: 'auth_failed' }, url).suggestSettings).toBe(true);
  });

  it('keeps a non-blank detail only', () => {
    expect(describeObsStatus({ phase: 'offline', since: 1, reason: 'error', detail: 'boom' }, url).detail).toBe('boom');
    expect(describeObsStatus({ phase: 'offline', since: 1, reason: 'error', detail: '  ' }, url).detail).toBeNull();
  });
});

describe('obsActions', () => {
  it('offers Connect when offline and Disconnect while linked or retrying', () => {
    expect(obsActions({ phase: 'offline', since: 1, reason: 'closed_by_user' })).toEqual({ canConnect: true, canDisconnect: false });
    expect(obsActions({ phase: 'offline', since: 1, reason: 'lost', nextRetryAt: 9 })).toEqual({ canConnect: true, canDisconnect: true });
    expect(obsActions({ phase: 'offline', since: 1, reason: 'not_configured' })).toEqual({ canConnect: false, canDisconnect: false });
    expect(obsActions({ phase: 'connecting', since: 1, attempt: 1 })).toEqual({ canConnect: false, canDisconnect: true });
    expect(obsActions({ phase: 'connected', since: 1, obsVersion: '', websocketVersion: '' })).toEqual({
      canConnect: false,
      canDisconnect: true,
    });
  });
});
