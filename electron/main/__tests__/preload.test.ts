/**
 * Runs the real preload source the way a sandboxed renderer does: as CommonJS in a bare context whose
 * `require` knows only 'electron'. The source is transpiled with TypeScript, as the build does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import type { CuedeckShell, ShellNotice } from '../../../shared/shell-bridge.ts';

const PRELOAD = path.join(import.meta.dirname, '../../preload/index.cts');

function loadPreload() {
  const { outputText } = ts.transpileModule(readFileSync(PRELOAD, 'utf8'), {
    fileName: 'index.cts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const ipcRenderer = {
    invoke: vi.fn((_channel: string) => Promise.resolve(undefined)),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
    }),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) };
  const required: string[] = [];
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${id}`); // what a sandboxed preload gets for anything else
  };
  const module = { exports: {} };
  const wrapper = vm.runInNewContext(`(function (require, process, exports, module) {\n${outputText}\n})`, {}) as (
    require: (id: string) => unknown,
    process: { platform: string },
    exports: unknown,
    module: unknown,
  ) => void;
  wrapper(sandboxRequire, { platform: 'win32' }, module.exports, module);
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(...args);
  };
  return { exposed, required, ipcRenderer, contextBridge, emit };
}

function bridgeOf(exposed: Map<string, unknown>): CuedeckShell {
  const api = exposed.get('cuedeckShell');
  if (!api) throw new Error('cuedeckShell not exposed');
  return api as CuedeckShell;
}

describe('preload', () => {
  it('requires nothing but electron, so it runs in a sandbox', () => {
    const { required } = loadPreload();
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly one object, window.cuedeckShell, with the typed API', () => {
    const { exposed, contextBridge } = loadPreload();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...exposed.keys()]).toEqual(['cuedeckShell']);
    const api = bridgeOf(exposed);
    expect(Object.keys(api).sort()).toEqual(['onNotice', 'openStreamerWindow', 'platform', 'savePageAsPdf']);
    expect(api.platform).toBe('win32');
  });

  it('asks main to open the streamer window over the invoke channel', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    await expect(bridgeOf(exposed).openStreamerWindow()).resolves.toBeUndefined();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('cuedeck:open-streamer');
  });

  it('propagates a refusal from main', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('Untrusted sender'));
    await expect(bridgeOf(exposed).openStreamerWindow()).rejects.toThrow('Untrusted sender');
  });

  it('delivers notices without the IPC event, and unsubscribes', () => {
    const { exposed, emit, ipcRenderer } = loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = bridgeOf(exposed).onNotice((...args: unknown[]) => received.push(args));
    const notice: ShellNotice = { kind: 'engine-restarting', exitCode: 1, attempt: 1, restartInMs: 500 };
    const ipcEvent = { sender: ipcRenderer };
    emit('cuedeck:shell-notice', ipcEvent, notice);
    expect(received).toEqual([[notice]]);

    unsubscribe();
    emit('cuedeck:shell-notice', ipcEvent, { kind: 'engine-restarted' });
    expect(received).toHaveLength(1);
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('cuedeck:shell-notice', expect.any(Function));
  });
});
