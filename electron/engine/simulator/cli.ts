#!/usr/bin/env node
/**
 * The built-in audience simulator as a standalone relay:
 *   node electron/engine/simulator/cli.ts --port 7590 --rate 200 --seed 42 [--protocol cuedeck|tiktok]
 * Prints its URL; add it in Cuedeck as a feed (either protocol). Type commands on stdin (see --help).
 */
import { createInterface } from 'node:readline';
import { SIMULATOR_HELP, parseSimulatorArgs, parseSimulatorCommand } from './cli-args.ts';
import { startSimulator, type AudienceSimulator } from './simulator.ts';

function run(sim: AudienceSimulator, line: string): void {
  const command = parseSimulatorCommand(line);
  if (!command) {
    if (line.trim()) console.log('Unknown command. Type help.');
    return;
  }
  switch (command.type) {
    case 'flash': {
      const sku = `FLASH-${sim.stats().flashSales.length + 1}`;
      sim.flashSale({ sku, quantity: command.quantity, perCustomerLimit: command.perCustomerLimit, price: command.price });
      console.log(`Flash sale ${sku}: ${command.quantity} units at ¥${command.price}, limit ${command.perCustomerLimit} per customer.`);
      return;
    }
    case 'restart':
      console.log(`Restarting (down ${command.downMs} ms, then resending ${command.resend})…`);
      void sim.restart({ resend: command.resend, downMs: command.downMs }).then(() => console.log('Back up.'));
      return;
    case 'rate':
      sim.setRate(command.rate);
      console.log(`Rate: ${command.rate} msg/s`);
      return;
    case 'pause':
      sim.pause();
      return;
    case 'resume':
      sim.start();
      return;
    case 'end':
      sim.endStream();
      console.log('Stream ended.');
      return;
    case 'stats':
      console.log(JSON.stringify(sim.stats(), null, 2));
      return;
    case 'help':
      console.log(SIMULATOR_HELP);
      return;
  }
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseSimulatorArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${SIMULATOR_HELP}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(SIMULATOR_HELP);
    return;
  }
  let sim: AudienceSimulator;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    console.error(inUse ? `Port ${options.port ?? ''} is in use; pick another with --port (0 = any free port).` : String(error));
    process.exitCode = 1;
    return;
  }
  console.log(sim.url);
  console.error(`Audience simulator: ${options.rate} msg/s, seed ${options.seed}, protocol ${options.protocol}. Type help for commands.`);

  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => run(sim, line));
  const shutdown = () => {
    input.close();
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
