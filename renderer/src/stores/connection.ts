import { create } from 'zustand';
import type { ConnectionStatus } from './connectionStatus.ts';

interface ConnectionStore {
  status: ConnectionStatus;
  /** With 'unauthorized': true when the engine refused a token we sent, false when we had none to send. */
  tokenRefused: boolean;
  setStatus: (status: ConnectionStatus, tokenRefused?: boolean) => void;
}

/** The socket link to the engine (not OBS: that is part of the engine state). */
export const useConnection = create<ConnectionStore>()((set) => ({
  status: 'connecting',
  tokenRefused: false,
  setStatus: (status, tokenRefused = false) => set({ status, tokenRefused }),
}));
