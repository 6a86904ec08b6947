import { describe, expect, it } from 'vitest';
import { Command } from '../../../../shared/protocol/index.ts';
import { buildObsConfigureCommand } from './obsConfigure.ts';

describe('buildObsConfigureCommand', () => {
  it('omits the password when left empty (keeps the saved one)', () => {
    const cmd = buildObsConfigureCommand({ url: ' ws://127.0.0.1:4455 ', password: '', clearPassword: false });
    expect(cmd).toEqual({ type: 'obs.configure', url: 'ws://127.0.0.1:4455', connect: true });
    expect('password' in cmd).toBe(false);
  });

  it('sends a new password untrimmed', () => {
    expect(buildObsConfigureCommand({ url: 'ws://h:1', password: ' s3cret ', clearPassword: false }).password).toBe(' s3cret ');
  });

  it('sends null to remove the saved password, whatever was typed', () => {
    expect(buildObsConfigureCommand({ url: 'ws://h:1', password: 'typed', clearPassword: true }).password).toBeNull();
  });

  it('produces commands the engine schema accepts', () => {
    const cmd = buildObsConfigureCommand({ url: 'ws://h:4455', password: 'x', clearPassword: false });
    expect(Command.safeParse(cmd).success).toBe(true);
  });
});
