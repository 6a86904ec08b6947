import type { Migration } from './index.ts';

/**
 * Temporary promotions and automatic behaviour tags (issue #8).
 *
 * - Totals the automatic tags need, kept like the others as a cache of member_sessions and member_orders: question
 *   comments, sessions entered at night, paid orders placed in a live flash sale. `auto_tags` is the member's current
 *   automatic tags as a bit mask (bit i = AUTO_TAGS[i]), so a reassessment compares without a read; the tags are also
 *   rows of member_auto_tags, apart from the manual member_tags, for search and selections.
 * - tier_history says whether a row is a move of the computed tier (`rules`) or a promotion edge (`promotion`).
 * - promotion_grants: one row per grant (to named members or a selection); member_promotions: one per member and
 *   grant, with the grant's instants copied (they never change) and whether its start and end are already written to
 *   the tier history. The partial indexes find the edges still owed, so the hourly pass reads only those.
 */
export const m004PromotionsAutoTags: Migration = {
  version: 4,
  name: 'temporary promotions and automatic tags',
  up(db) {
    db.exec(`
      ALTER TABLE members ADD COLUMN questions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE members ADD COLUMN night_sessions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE members ADD COLUMN flash_sale_orders INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE members ADD COLUMN auto_tags INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE member_sessions ADD COLUMN questions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE member_orders ADD COLUMN flash_sale INTEGER NOT NULL DEFAULT 0 CHECK (flash_sale IN (0, 1));
      ALTER TABLE tier_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'rules' CHECK (kind IN ('rules', 'promotion'));

      CREATE TABLE member_auto_tags (
        member_id TEXT NOT NULL REFERENCES members (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (member_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX auto_tags_by_tag ON member_auto_tags (tag);

      CREATE TABLE promotion_grants (
        id INTEGER PRIMARY KEY,
        lift TEXT NOT NULL CHECK (lift IN ('step', 'silver', 'vip')),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        -- JSON: {"memberIds": [...]} or {"selection": {...}}
        target TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      ) STRICT;

      CREATE TABLE member_promotions (
        member_id TEXT NOT NULL REFERENCES members (id),
        grant_id INTEGER NOT NULL REFERENCES promotion_grants (id),
        lift TEXT NOT NULL CHECK (lift IN ('step', 'silver', 'vip')),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        revoked_at INTEGER,
        start_logged INTEGER NOT NULL DEFAULT 0 CHECK (start_logged IN (0, 1)),
        end_logged INTEGER NOT NULL DEFAULT 0 CHECK (end_logged IN (0, 1)),
        PRIMARY KEY (member_id, grant_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX promotions_by_grant ON member_promotions (grant_id);
      CREATE INDEX promotions_open ON member_promotions (ends_at) WHERE revoked_at IS NULL;
      CREATE INDEX promotions_start_owed ON member_promotions (starts_at) WHERE start_logged = 0;
      CREATE INDEX promotions_end_owed ON member_promotions (ends_at) WHERE end_logged = 0;

      -- Shows already fed back: whether each was entered at night (22:00–04:00 at UTC+8, NIGHT in auto-tags.ts, written
      -- out here so this migration never changes) is known from member_sessions. Questions and flash-sale orders were
      -- not recorded before this version and start at 0; the automatic tags follow on the next recount.
      UPDATE members SET night_sessions = (
        SELECT COUNT(*) FROM member_sessions AS s
        WHERE s.member_id = members.id AND ((s.first_seen_at + 28800000) % 86400000 >= 79200000 OR (s.first_seen_at + 28800000) % 86400000 < 14400000)
      ) WHERE sessions_watched > 0;
    `);
  },
};
