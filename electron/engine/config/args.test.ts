import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, parseEngineArgs } from './args.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseEngineArgs(argv, env, '/default/data');

describe('engine arguments', () => {
  it('defaults to loopback, the default port and the OS data folder', () => {
    expect(parse([])).toEqual({ host: '127.0.0.1', port: DEFAULT_PORT, lan: false, dataDir: '/default/data', desktop: false, token: undefined, rendererDir: undefined, simulateRate: undefined });
  });

  it('--lan binds all interfaces; a non-loopback --host counts as LAN too', () => {
    expect(parse(['--lan'])).toMatchObject({ host: '0.0.0.0', lan: true });
    expect(parse(['--host', '192.168.1.5'])).toMatchObject({ lan: true });
    expect(parse(['--host', '127.0.0.2'])).toMatchObject({ lan: false });
  });

  it('reads CUEDECK_* environment, with flags winning', () => {
    expect(parse([], { CUEDECK_PORT: '9000', CUEDECK_DATA_DIR: '/d' })).toMatchObject({ port: 9000, dataDir: '/d' });
    expect(parse(['--port', '9100'], { CUEDECK_PORT: '9000' })).toMatchObject({ port: 9100 });
  });

  it('rejects bad values with a message naming the option', () => {
    expect(() => parse(['--port', 'abc'])).toThrow(ConfigError);
    expect(() => parse(['--port', '70000'])).toThrow(/--port/);
    expect(() => parse(['--token', 'short'])).toThrow(/--token must be at least 16/);
    expect(() => parse(['--bogus'])).toThrow(/Unknown option '--bogus'[\s\S]*Usage/);
  });

  it('--simulate starts the rehearsal audience, at 20 msg/s unless told', () => {
    expect(parse(['--simulate'])).toMatchObject({ simulateRate: 20 });
    expect(parse(['--simulate-rate', '200'])).toMatchObject({ simulateRate: 200 });
    expect(() => parse(['--simulate-rate', 'lots'])).toThrow(/--simulate-rate takes 1 to 5000/);
  });

  it('answers --help', () => {
    expect(parse(['--help'])).toBe('help');
  });
});
