export * from './version.ts';
export * from './state.ts';
export * from './obs-live.ts';
export * from './messages.ts';
export * from './commands.ts';
export * from './socket.ts';
export * from './http.ts';
export * from './launcher.ts';
