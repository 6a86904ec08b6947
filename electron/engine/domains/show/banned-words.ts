import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BannedWordList, type BannedWordEntry } from '../../../../shared/show/compliance.ts';

/** The shipped default list: assets/ beside the built engine (dist/…/../../../assets) or the source tree. */
export function loadDefaultBannedWords(engineDir: string): BannedWordEntry[] {
  const candidates = [path.resolve(engineDir, '../../../assets/banned-words.json'), path.resolve(engineDir, '../../assets/banned-words.json')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`The default banned-word list is missing (looked in ${candidates.join(', ')})`);
  const parsed = BannedWordList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid banned-word list: ${parsed.error.message}`);
  return parsed.data.words;
}
