import { z } from 'zod';
import { RunStateSchema } from '../../../../shared/protocol/index.ts';
import type { FlashSaleState } from '../../../../shared/show/flash-sale.ts';
import { initialRunState, type RunState } from '../../../../shared/show/run-clock.ts';
import { Show } from '../../../../shared/show/schema.ts';
import type { PendingWrite } from '../../db/write-behind.ts';
import type { SettingsRepository } from '../settings/settings-repository.ts';

/** How the run state reaches the database: the engine's WriteBehind; by default, written at once. */
export interface RunStateWriter {
  enqueue(write: PendingWrite): void;
  flush(): boolean;
}

const WRITE_AT_ONCE: RunStateWriter = { enqueue: (write) => write.write(), flush: () => true };

const KEYS = { show: 'show.document', run: 'show.run', sales: 'show.sales', rehearsal: 'show.rehearsal', heartbeat: 'show.heartbeat' } as const;

// The engine wrote these itself; a light shape check is enough to refuse a damaged row.
const StoredSales = z.record(z.string(), z.custom<FlashSaleState>((v) => typeof v === 'object' && v !== null && 'plan' in v && 'status' in v));

/**
 * The show document and its live run, written through on every change: after a crash the run resumes from its
 * recorded instants, so the clock continues as if the engine had never stopped. The run state goes through the
 * run-state writer: when the database refuses writes (locked, disk full) the show goes on and the latest state
 * is written once it accepts them again.
 */
export class ShowStore {
  readonly #settings: SettingsRepository;
  readonly #writer: RunStateWriter;

  constructor(settings: SettingsRepository, writer: RunStateWriter = WRITE_AT_ONCE) {
    this.#settings = settings;
    this.#writer = writer;
  }

  loadShow(fallback: Show): Show {
    return this.#settings.read(KEYS.show, Show, fallback);
  }

  saveShow(show: Show): void {
    this.#settings.write(KEYS.show, show);
  }

  loadRun(): { run: RunState; sales: Record<string, FlashSaleState>; rehearsal: boolean; heartbeat: number | null } {
    return {
      run: this.#settings.read(KEYS.run, RunStateSchema, initialRunState()),
      sales: this.#settings.read(KEYS.sales, StoredSales, {}),
      rehearsal: this.#settings.read(KEYS.rehearsal, z.boolean(), false),
      heartbeat: this.#settings.read(KEYS.heartbeat, z.number().nullable(), null),
    };
  }

  saveRun(run: RunState, sales: Record<string, FlashSaleState>, rehearsal: boolean): void {
    this.#writer.enqueue({
      key: KEYS.run,
      write: () => {
        this.#settings.write(KEYS.run, run);
        this.#settings.write(KEYS.sales, sales);
        this.#settings.write(KEYS.rehearsal, rehearsal);
      },
    });
    this.#writer.flush();
  }

  /** "Still alive at": the gap after a crash is measured from the last one. */
  heartbeat(now: number): void {
    this.#writer.enqueue({ key: KEYS.heartbeat, write: () => this.#settings.write(KEYS.heartbeat, now) });
    this.#writer.flush();
  }
}
