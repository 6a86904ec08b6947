import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../shared/protocol/index.ts';
import { createLogger } from './log.ts';
import { ShellChannel, type ParentPort } from './shell-channel.ts';

function fakePort() {
  let listener: ((event: { data: unknown }) => void) | undefined;
  const port: ParentPort & { sent: unknown[] } = {
    sent: [],
    postMessage(message) {
      this.sent.push(message);
    },
    on(_event, l) {
      listener = l;
    },
  };
  return { port, deliver: (data: unknown) => listener?.({ data }) };
}

describe('ShellChannel', () => {
  it('takes the secrets, then delivers shortcut commands in order, holding early ones until the engine is ready', async () => {
    const { port, deliver } = fakePort();
    const lines: string[] = [];
    const channel = new ShellChannel(port, createLogger('t', (l) => lines.push(l)), 1000);
    deliver({ type: 'secrets', values: { 'obs.password': 'pw' } });
    expect(await channel.secrets).toEqual({ 'obs.password': 'pw' });
    deliver({ type: 'command', command: { type: 'obs.panic' } });
    const seen: Command[] = [];
    channel.onCommand((c) => seen.push(c));
    deliver({ type: 'command', command: { type: 'obs.selectSceneNumber', number: 2 } });
    expect(seen).toEqual([{ type: 'obs.panic' }, { type: 'obs.selectSceneNumber', number: 2 }]);
  });

  it('ignores invalid messages with a log line and goes on without secrets after the timeout', async () => {
    vi.useFakeTimers();
    const { port, deliver } = fakePort();
    const lines: string[] = [];
    const channel = new ShellChannel(port, createLogger('t', (l) => lines.push(l)), 1000);
    deliver({ type: 'command', command: { type: 'obs.explode' } });
    deliver('garbage');
    expect(lines.filter((l) => l.includes('Ignored an invalid message'))).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(await channel.secrets).toEqual({});
    vi.useRealTimers();
  });
});
