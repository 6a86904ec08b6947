import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICE_CHANNEL, OPEN_STREAMER_CHANNEL, registerShellIpc } from '../ipc.ts';
import { ipcMain, resetFakeElectron } from './fake-electron.ts';

vi.mock('electron', () => import('./fake-electron.ts'));

const ORIGIN = 'http://127.0.0.1:7480';

function setup() {
  const openStreamerWindow = vi.fn();
  const savePdf = vi.fn(async () => '/tmp/r.pdf');
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const unregister = registerShellIpc({ allowedOrigin: () => ORIGIN, openStreamerWindow, savePdf, log });
  const handler = ipcMain.handlers.get('cuedeck:open-streamer');
  if (!handler) throw new Error('open-streamer handler not registered');
  const pdfHandler = ipcMain.handlers.get('cuedeck:save-pdf');
  if (!pdfHandler) throw new Error('save-pdf handler not registered');
  return {
    openStreamerWindow,
    savePdf,
    savePdfFrom: (senderUrl: string, name: unknown) => pdfHandler({ senderFrame: { url: senderUrl }, sender: {} }, name),
    log,
    unregister,
    invoke: (senderUrl: string | null) => handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }) };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('shell IPC', () => {
  it('uses the channel names of the bridge contract', () => {
    expect(OPEN_STREAMER_CHANNEL).toBe('cuedeck:open-streamer');
    expect(NOTICE_CHANNEL).toBe('cuedeck:shell-notice');
  });

  it('opens the streamer window for a page served by the engine', async () => {
    const { invoke, openStreamerWindow } = setup();
    await expect(invoke(`${ORIGIN}/producer`)).resolves.toBeUndefined();
    expect(openStreamerWindow).toHaveBeenCalledTimes(1);
  });

  it('saves a PDF only for the engine\'s pages, with a safe file name', async () => {
    const { savePdfFrom, savePdf } = setup();
    await expect(savePdfFrom(`${ORIGIN}/review/abc`, '../x')).resolves.toBe('/tmp/r.pdf');
    expect(savePdf).toHaveBeenCalledWith({}, '.._x.pdf');
    await expect(savePdfFrom('https://evil.example/', 'x')).rejects.toThrow('Untrusted sender');
    expect(savePdf).toHaveBeenCalledTimes(1);
  });

  it('rejects untrusted senders without acting', async () => {
    const { invoke, openStreamerWindow, log } = setup();
    await expect(invoke('https://evil.example/')).rejects.toThrow('Untrusted sender');
    await expect(invoke('http://127.0.0.1:9999/producer')).rejects.toThrow('Untrusted sender');
    await expect(invoke('file:///tmp/x.html')).rejects.toThrow('Untrusted sender');
    await expect(invoke(null)).rejects.toThrow('Untrusted sender');
    expect(openStreamerWindow).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(4);
  });

  it('removes its handler when unregistered', () => {
    const { unregister } = setup();
    unregister();
    expect(ipcMain.handlers.has('cuedeck:open-streamer')).toBe(false);
  });
});
