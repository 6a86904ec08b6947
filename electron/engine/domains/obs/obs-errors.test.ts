import { describe, expect, it } from 'vitest';
import { classifyConnectFailure, reconnectDelayMs } from './obs-errors.ts';
import { scenesInDisplayOrder } from './obs-read.ts';

const obsError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('classifyConnectFailure', () => {
  it('names a wrong password and does not retry it', () => {
    expect(classifyConnectFailure(obsError(4009, 'Authentication failed.'))).toEqual({ reason: 'auth_failed', detail: 'Authentication failed.', retry: false });
  });
  it('tells "nothing listening" from "cannot reach"', () => {
    expect(classifyConnectFailure(obsError(-1, 'connect ECONNREFUSED 127.0.0.1:4455')).reason).toBe('refused');
    expect(classifyConnectFailure(obsError(-1, 'getaddrinfo ENOTFOUND obs.local')).reason).toBe('unreachable');
    expect(classifyConnectFailure(new Error('timed out after 4000 ms')).reason).toBe('unreachable');
  });
  it('keeps unknown failures with their detail and retries them', () => {
    expect(classifyConnectFailure(obsError(4010, ''))).toEqual({ reason: 'error', detail: 'closed with code 4010', retry: true });
    expect(classifyConnectFailure('weird')).toMatchObject({ reason: 'error', detail: 'weird' });
  });
});

describe('reconnectDelayMs', () => {
  it('backs off quickly and caps low so a restarted OBS is back within seconds', () => {
    expect([1, 2, 3, 4, 50].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 3000, 3000]);
  });
});

describe('scenesInDisplayOrder', () => {
  it("shows scenes in OBS's visual order (OBS reports them bottom-up)", () => {
    expect(
      scenesInDisplayOrder([
        { sceneName: 'Bottom', sceneIndex: 0 },
        { sceneName: 'Top', sceneIndex: 2, sceneUuid: 'u' },
        { sceneName: 'Middle', sceneIndex: 1 },
      ]),
    ).toEqual([{ name: 'Top', uuid: 'u' }, { name: 'Middle' }, { name: 'Bottom' }]);
  });
});
