import { describe, expect, it } from 'vitest';
import { parseSimulatorArgs, parseSimulatorCommand } from './cli-args.ts';

describe('parseSimulatorArgs', () => {
  it('has defaults and reads the documented flags', () => {
    expect(parseSimulatorArgs([])).toEqual({ port: 7590, host: '127.0.0.1', rate: 200, seed: 42, protocol: 'auto', platform: 'douyin', tickMs: 20 });
    expect(parseSimulatorArgs(['--port', '0', '--rate', '2000', '--seed', '7', '--protocol', 'tiktok', '--tick', '10'])).toMatchObject({
      port: 0,
      rate: 2000,
      seed: 7,
      protocol: 'tiktok',
      tickMs: 10,
    });
    expect(parseSimulatorArgs(['--help'])).toBe('help');
  });

  it('refuses nonsense with the flag named', () => {
    expect(() => parseSimulatorArgs(['--rate', 'fast'])).toThrow(/--rate/);
    expect(() => parseSimulatorArgs(['--protocol', 'irc'])).toThrow(/--protocol/);
    expect(() => parseSimulatorArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseSimulatorArgs(['--bogus'])).toThrow();
  });
});

describe('parseSimulatorCommand', () => {
  it('reads the interactive commands', () => {
    expect(parseSimulatorCommand('flash')).toEqual({ type: 'flash', quantity: 200, perCustomerLimit: 2, price: 99 });
    expect(parseSimulatorCommand(' flash 50 1 9.9 ')).toEqual({ type: 'flash', quantity: 50, perCustomerLimit: 1, price: 9.9 });
    expect(parseSimulatorCommand('restart 20')).toEqual({ type: 'restart', resend: 20, downMs: 1000 });
    expect(parseSimulatorCommand('rate 500')).toEqual({ type: 'rate', rate: 500 });
    expect(parseSimulatorCommand('rate')).toBeNull();
    expect(parseSimulatorCommand('end')).toEqual({ type: 'end' });
    expect(parseSimulatorCommand('dance')).toBeNull();
  });
});
