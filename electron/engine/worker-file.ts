/**
 * The file of a worker module beside `moduleUrl` (pass `import.meta.url`): `.ts` when the engine runs from source
 * (Node strips the types), `.js` once built.
 */
export function workerFile(moduleUrl: string, name: string): URL {
  return new URL(`./${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl);
}
