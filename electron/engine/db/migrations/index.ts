import type { DatabaseSync } from 'node:sqlite';
import { m001Settings } from './001-settings.ts';
import { m002Sessions } from './002-sessions.ts';
import { m003Members } from './003-members.ts';
import { m004PromotionsAutoTags } from './004-promotions-auto-tags.ts';

export interface Migration {
  /** Schema version this migration brings the database to; versions run 1, 2, 3… without gaps. */
  version: number;
  name: string;
  up: (db: DatabaseSync) => void;
}

/** Every schema upgrade, in order. Never edit a shipped migration: add a new one. */
export const MIGRATIONS: readonly Migration[] = [m001Settings, m002Sessions, m003Members, m004PromotionsAutoTags];
