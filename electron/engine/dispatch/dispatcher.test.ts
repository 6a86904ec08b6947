import { describe, expect, it, vi } from 'vitest';
import { Command } from '../../../shared/protocol/index.ts';
import { createDispatcher, type CommandHandlers } from './dispatcher.ts';
import { CommandFailure } from './command-failure.ts';

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
/** A mock for every command type, so the test keeps up as commands are added. */
const handlers = (): CommandHandlers =>
  Object.fromEntries(Command.options.map((o) => [o.shape.type.value, vi.fn()])) as unknown as CommandHandlers;

describe('dispatcher', () => {
  it('runs the handler with the parsed (defaulted, trimmed) command', async () => {
    const h = handlers();
    const dispatch = createDispatcher(h, log);
    expect(await dispatch({ type: 'show.setTitle', title: ' Hi ' })).toEqual({ ok: true });
    expect(h['show.setTitle']).toHaveBeenCalledWith({ type: 'show.setTitle', title: 'Hi' });
  });

  it('answers invalid input with bad_request naming the field, and runs nothing', async () => {
    const h = handlers();
    const result = await createDispatcher(h, log)({ type: 'obs.setProgramScene', sceneName: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [expect.stringMatching(/^sceneName:/)] } });
    expect(h['obs.setProgramScene']).not.toHaveBeenCalled();
    expect(await createDispatcher(h, log)(null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('passes service refusals through and hides internal errors behind a generic message', async () => {
    const h = handlers();
    h['obs.connect'] = () => {
      throw new CommandFailure('obs_not_connected', 'Not connected to OBS');
    };
    h['obs.disconnect'] = () => Promise.reject(new Error('secret internals'));
    const dispatch = createDispatcher(h, log);
    expect(await dispatch({ type: 'obs.connect' })).toEqual({ ok: false, error: { code: 'obs_not_connected', message: 'Not connected to OBS' } });
    const internal = await dispatch({ type: 'obs.disconnect' });
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('secret internals');
    expect(log.error).toHaveBeenCalled();
  });
});
