import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Platform } from '../../../shared/feeds/events.ts';
import type { SimulatorOptions } from './simulator.ts';

export const SIMULATOR_HELP = `Usage: node electron/engine/simulator/cli.ts [options]
  --port <n>        port (default 7590; 0 = any free port)
  --host <addr>     address to bind (default 127.0.0.1)
  --rate <n>        messages per second, up to 5000 (default 200)
  --seed <n>        same seed, same show (default 42)
  --protocol <p>    auto | cuedeck | tiktok (default auto: clients that call setUniqueId get TikTok's)
  --platform <p>    platform named in Cuedeck-protocol messages (default douyin)
  --tick <ms>       emission period (default 20)
While running, type a command and Enter:
  flash [qty] [limit] [price]   open a flash sale (default 200 2 99)
  restart [resend] [downMs]     drop all clients, come back, resend the last messages (default 100 1000)
  rate <n>   pause   resume   end   stats`;

const Options = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(7590),
  host: z.string().min(1).default('127.0.0.1'),
  rate: z.coerce.number().min(0).max(5000).default(200),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(42),
  protocol: z.enum(['auto', 'cuedeck', 'tiktok']).default('auto'),
  platform: Platform.default('douyin'),
  tick: z.coerce.number().int().min(5).max(1000).default(20),
});

/** Command line → simulator options; throws an Error whose message is fit for the terminal. */
export function parseSimulatorArgs(argv: readonly string[]): SimulatorOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      protocol: { type: 'string' },
      platform: { type: 'string' },
      tick: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0] ?? '?')}: ${issue?.message ?? 'invalid'}`);
  }
  const { tick, ...rest } = parsed.data;
  return { ...rest, tickMs: tick };
}

export type SimulatorCommand =
  | { type: 'flash'; quantity: number; perCustomerLimit: number; price: number }
  | { type: 'restart'; resend: number; downMs: number }
  | { type: 'rate'; rate: number }
  | { type: 'pause' | 'resume' | 'end' | 'stats' | 'help' };

/** One typed line → a command, or null when it is not one. */
export function parseSimulatorCommand(line: string): SimulatorCommand | null {
  const [word, ...rest] = line.trim().split(/\s+/);
  const nums = rest.map(Number);
  const num = (i: number, fallback: number) => {
    const n = nums[i];
    return n !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  switch (word) {
    case 'flash':
      return { type: 'flash', quantity: Math.floor(num(0, 200)), perCustomerLimit: Math.floor(num(1, 2)), price: num(2, 99) };
    case 'restart':
      return { type: 'restart', resend: Math.floor(num(0, 100)), downMs: Math.floor(num(1, 1000)) };
    case 'rate':
      return nums[0] !== undefined && Number.isFinite(nums[0]) && nums[0] >= 0 ? { type: 'rate', rate: Math.min(5000, nums[0]) } : null;
    case 'pause':
    case 'resume':
    case 'end':
    case 'stats':
    case 'help':
      return { type: word };
    default:
      return null;
  }
}
