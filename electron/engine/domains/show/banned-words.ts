import { readFileSync } from 'node:fs';
import { BannedWordList, type BannedWordEntry } from '../../../../shared/show/compliance.ts';
import { findAsset } from './assets.ts';

/** The shipped default list (assets/banned-words.json). */
export function loadDefaultBannedWords(engineDir: string): BannedWordEntry[] {
  const { file, looked } = findAsset(engineDir, 'banned-words.json');
  if (!file) throw new Error(`The default banned-word list is missing (looked in ${looked.join(', ')})`);
  const parsed = BannedWordList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid banned-word list: ${parsed.error.message}`);
  return parsed.data.words;
}
