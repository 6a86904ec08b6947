import type { CommandInput, CommandResult, Snapshot } from '../../shared/protocol/index.ts';
import type { TestEngine } from './fixtures.ts';

/** Drive the engine through its HTTP API: how tests set up state without clicking through unrelated UI. */
export async function command(engine: TestEngine, cmd: CommandInput): Promise<CommandResult> {
  const response = await fetch(`${engine.url}/api/v1/commands`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${engine.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(cmd),
  });
  return (await response.json()) as CommandResult;
}

export async function snapshot(engine: TestEngine): Promise<Snapshot> {
  const response = await fetch(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } });
  return (await response.json()) as Snapshot;
}

/** Point the engine at OBS and wait until it reports connected (and has mirrored OBS's state). */
export async function connectObs(engine: TestEngine, obs: { url: string; password: string }, timeoutMs = 10_000): Promise<void> {
  const result = await command(engine, { type: 'obs.configure', url: obs.url, password: obs.password, connect: true });
  if (!result.ok) throw new Error(`obs.configure refused: ${result.error.message}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await snapshot(engine)).state.obs.status.phase === 'connected') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Engine did not connect to OBS at ${obs.url} within ${timeoutMs} ms`);
}
