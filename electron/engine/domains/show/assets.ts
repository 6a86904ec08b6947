import { existsSync } from 'node:fs';
import path from 'node:path';

/** A file shipped in assets/: beside the built engine (dist/electron/engine → ../../../assets) or the source tree. */
export function findAsset(engineDir: string, name: string): { file: string | undefined; looked: string[] } {
  const looked = [path.resolve(engineDir, '../../../assets', name), path.resolve(engineDir, '../../assets', name)];
  return { file: looked.find((f) => existsSync(f)), looked };
}
