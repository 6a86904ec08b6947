import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 7480;

export interface EngineConfig {
  host: string;
  port: number;
  /** Listen beyond loopback; every API call then needs the token (it always does, see http/auth.ts). */
  lan: boolean;
  dataDir: string;
  /** Running under the desktop shell: secrets come from and go to the parent process. */
  desktop: boolean;
  /** A fixed access token (tests, kiosks); otherwise one is generated once and kept in the data dir. */
  token: string | undefined;
  rendererDir: string | undefined;
  /** Start the built-in audience simulator at this rate (msg/s) as a feed: the rehearsal default. */
  simulateRate: number | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const HELP = `Usage: cuedeck-engine [options]
  --port <n>          port to serve on (default ${DEFAULT_PORT}; a free one is used if it is taken)
  --host <addr>       address to bind (default 127.0.0.1)
  --lan               listen on all interfaces (LAN access; every API call needs the token)
  --data-dir <path>   where the database and secrets live (default: the OS app-data folder)
  --token <t>         use this access token instead of the stored one
  --renderer-dir <p>  serve the UI from this folder (default: the built renderer)
  --simulate          rehearsal default: feed the built-in audience simulator
  --simulate-rate <n> its messages per second (default 20)
  --desktop           run under the Cuedeck desktop shell
  --help`;

/** Parse the command line (and CUEDECK_* environment) into a config, or throw ConfigError with a usable message. */
export function parseEngineArgs(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDataDir: string): EngineConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        lan: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        token: { type: 'string' },
        'renderer-dir': { type: 'string' },
        desktop: { type: 'boolean', default: false },
        simulate: { type: 'boolean', default: false },
        'simulate-rate': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new ConfigError(`${error instanceof Error ? error.message : String(error)}\n${HELP}`);
  }
  if (values.help) return 'help';

  const portText = values.port ?? env.CUEDECK_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) throw new ConfigError(`--port must be a number from 0 to 65535, got "${portText}"`);

  const lan = values.lan || env.CUEDECK_LAN === '1';
  const host = values.host ?? env.CUEDECK_HOST ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const token = values.token ?? env.CUEDECK_TOKEN;
  if (token !== undefined && token.length < 16) throw new ConfigError('--token must be at least 16 characters long');

  let simulateRate: number | undefined;
  if (values.simulate || values['simulate-rate'] !== undefined) {
    simulateRate = Number(values['simulate-rate'] ?? 20);
    if (!Number.isInteger(simulateRate) || simulateRate < 1 || simulateRate > 5000) {
      throw new ConfigError(`--simulate-rate takes 1 to 5000 messages per second, got "${values['simulate-rate'] ?? ''}"`);
    }
  }

  return {
    simulateRate,
    host,
    port,
    lan: lan || !isLoopbackHost(host),
    dataDir: values['data-dir'] ?? env.CUEDECK_DATA_DIR ?? defaultDataDir,
    desktop: values.desktop,
    token,
    rendererDir: values['renderer-dir'],
  };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export { HELP as ENGINE_HELP };
