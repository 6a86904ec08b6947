import { readFileSync } from 'node:fs';
import { importShowJson } from '../../../../shared/show/import-export.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import type { Logger } from '../../log.ts';
import { findAsset } from './assets.ts';

/**
 * The shipped sample show (assets/sample-show.json): products, a flash sale, cues and talking points, so a first
 * rehearsal with the built-in audience has something real to run. Undefined (and logged) if it is missing or bad.
 */
export function loadSampleShow(engineDir: string, log: Logger): Show | undefined {
  const { file, looked } = findAsset(engineDir, 'sample-show.json');
  if (!file) {
    log.warn(`The sample show is missing (looked in ${looked.join(', ')}); starting with an empty script.`);
    return undefined;
  }
  const result = importShowJson(readFileSync(file, 'utf8'));
  if (!result.ok) {
    log.warn(`${file} is not a valid show (${result.errors.length} errors); starting with an empty script.`);
    return undefined;
  }
  return result.show;
}
