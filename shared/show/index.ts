/** Run of show: pure domain logic shared by the engine (Node) and the views (browser). No I/O, no timers. */
export * from './schema.ts';
export * from './templates.ts';
export * from './editor.ts';
export * from './csv.ts';
export * from './json.ts';
export * from './import-export.ts';
export * from './compliance.ts';
export * from './run-clock.ts';
export * from './flash-sale.ts';
