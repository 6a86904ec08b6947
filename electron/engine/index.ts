#!/usr/bin/env node
/**
 * Engine entry point. Standalone: `node electron/engine/index.ts` (prints the URL). Under the desktop shell
 * (`--desktop`, an Electron utilityProcess): waits for the shell's secrets, then reports `ready`.
 */
import { ENGINE_EXIT_FATAL, type EngineToShell } from '../../shared/protocol/index.ts';
import { startEngine } from './app.ts';
import { ConfigError, ENGINE_HELP, parseEngineArgs } from './config/args.ts';
import { defaultDataDir } from './config/data-dir.ts';
import { DatabaseOpenError } from './db/database.ts';
import { createLogger } from './log.ts';
import { FileSecretVault } from './secrets/file-vault.ts';
import { ParentSecretVault } from './secrets/parent-vault.ts';
import type { SecretVault } from './secrets/secret-vault.ts';
import { ShellChannel, type ParentPort } from './shell-channel.ts';

// node:sqlite still prints an ExperimentalWarning on Node 22/24; it is the storage we chose deliberately.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.warn(warning);
});

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const log = createLogger('engine');
const shell = parentPort ? new ShellChannel(parentPort, log) : null;

function postToShell(message: EngineToShell): void {
  shell?.post(message);
}

async function main(): Promise<void> {
  const config = parseEngineArgs(process.argv.slice(2), process.env, defaultDataDir());
  if (config === 'help') {
    console.log(ENGINE_HELP);
    return;
  }
  let vault: SecretVault;
  if (config.desktop && shell) vault = new ParentSecretVault(await shell.secrets, postToShell);
  else vault = new FileSecretVault(config.dataDir);

  const engine = await startEngine({ config, vault, log, engineDir: import.meta.dirname });
  shell?.onCommand((command) => {
    void engine.dispatch(command).then((result) => {
      if (!result.ok) log.warn(`Shortcut ${command.type} refused: ${result.error.message}`);
    });
  });
  postToShell({ type: 'ready', url: engine.url, port: engine.port });
  console.log(`Data folder: ${config.dataDir}`);
  for (const lanUrl of engine.lanUrls) console.log(`LAN access is on. From another machine open ${lanUrl}`);
  // Printed last: launchers and tests wait for this line.
  console.log(`Cuedeck is running. Open ${engine.url}/producer (streamer view: ${engine.url}/streamer)`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`Stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseOpenError) {
    const code = error instanceof DatabaseOpenError ? error.code : 'config';
    log.error(error.message);
    postToShell({ type: 'fatal', code, message: error.message });
    process.exit(ENGINE_EXIT_FATAL);
  }
  log.error(`Engine failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
