import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { z } from 'zod';

/** Typed key/value settings persisted as JSON; a stored value that no longer parses falls back to the default. */
export class SettingsRepository {
  readonly #get: StatementSync;
  readonly #put: StatementSync;

  constructor(db: DatabaseSync) {
    this.#get = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#put = db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  read<T extends z.ZodType>(key: string, schema: T, fallback: z.infer<T>): z.infer<T> {
    const row = this.#get.get(key) as { value: string } | undefined;
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  write(key: string, value: unknown): void {
    this.#put.run(key, JSON.stringify(value), Date.now());
  }
}
