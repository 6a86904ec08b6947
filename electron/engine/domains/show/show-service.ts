import { randomUUID } from 'node:crypto';
import type { ScriptState } from '../../../../shared/protocol/index.ts';
import { compileBannedWords, effectiveBannedWords, flagsForShow, type BannedWordEntry } from '../../../../shared/show/compliance.ts';
import { importShowCsv, importShowJson, type ImportError } from '../../../../shared/show/import-export.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import { fourModuleShow, TEMPLATE_TITLES, type TemplateLanguage } from '../../../../shared/show/templates.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { StateHub } from '../../state/state-hub.ts';
import type { ShowStore } from './show-store.ts';

export const newId = (): string => randomUUID().slice(0, 12);

export function formatImportErrors(errors: readonly ImportError[]): string[] {
  return errors.map((e) => `line ${e.line}${e.column ? `:${e.column}` : ''}, ${e.field || '(file)'}: ${e.message}`);
}

/** The show script: edits, imports, templates, and the compliance flags that follow every change. */
export class ShowService {
  readonly #hub: StateHub;
  readonly #store: ShowStore;
  readonly #defaults: BannedWordEntry[];
  readonly #listeners = new Set<(show: Show) => void>();
  #guard: (show: Show) => void = () => undefined;

  constructor(hub: StateHub, store: ShowStore, defaultBannedWords: BannedWordEntry[]) {
    this.#hub = hub;
    this.#store = store;
    this.#defaults = defaultBannedWords;
  }

  /** The stored script, else (first run) `firstRun`, else an empty four-module script. */
  initialSlices(firstRun?: Show): { show: { title: string }; script: ScriptState } {
    const show = this.#store.loadShow(firstRun ?? fourModuleShow({ newId, title: 'Untitled show' }));
    return { show: { title: show.title }, script: this.#scriptState(show) };
  }

  get current(): Show {
    return this.#hub.state.script.show;
  }

  /** Called with the new script after every change (the run keeps its place by segment id). */
  onChange(listener: (show: Show) => void): void {
    this.#listeners.add(listener);
  }

  #scriptState(show: Show): ScriptState {
    const words = effectiveBannedWords(show, this.#defaults);
    return { show, flags: flagsForShow(show, compileBannedWords(words)), defaultBannedWords: this.#defaults.map((w) => w.word) };
  }

  /** A check every new script must pass (the run refuses losing the segment on air); it throws to refuse. */
  setGuard(guard: (show: Show) => void): void {
    this.#guard = guard;
  }

  replace(show: Show): void {
    this.#guard(show);
    this.#store.saveShow(show);
    this.#hub.set({ show: { title: show.title }, script: this.#scriptState(show) });
    for (const listener of this.#listeners) listener(show);
  }

  setTitle(title: string): void {
    this.replace({ ...this.current, title });
  }

  /** All or nothing: a file with any error changes nothing and every error is reported. */
  import(format: 'json' | 'csv', text: string): void {
    const result = format === 'json' ? importShowJson(text) : importShowCsv(text, { base: this.current, newId });
    if (!result.ok) {
      const issues = formatImportErrors(result.errors);
      throw new CommandFailure('import_failed', `The ${format.toUpperCase()} file has ${issues.length} error(s); nothing was changed.`, issues);
    }
    this.replace(result.show);
  }

  fromTemplate(language: TemplateLanguage): void {
    const titles = TEMPLATE_TITLES[language];
    this.replace(fourModuleShow({ newId, title: this.current.title, titles }));
  }
}
