import type { Migration } from './index.ts';

/**
 * Member records: one unified member per person, linked to live-platform accounts and community ids. Money is in
 * fen (integers, exact sums). Totals on `members` are a cache of member_sessions and member_orders, kept in step by
 * every write so the comment-panel lookup and tier shares read one row. Tables keyed by text are WITHOUT ROWID so a
 * lookup by member or account is one B-tree descent (feed-back does ~50k of them per show). Search is by prefix: ids
 * through their BINARY keys with GLOB (ids are case-sensitive), names, nicknames and tags through NOCASE indexes with
 * `LIKE 'q%' ESCAPE '\'`. Every index here costs each new member a write, so there is none that search does not use.
 */
export const m003Members: Migration = {
  version: 3,
  name: 'members and tiers',
  up(db) {
    db.exec(`
      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL CHECK (origin IN ('live', 'import', 'split')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        tier TEXT NOT NULL DEFAULT 'bronze' CHECK (tier IN ('vip', 'silver', 'bronze')),
        tier_since INTEGER NOT NULL,
        lifetime_spend_fen INTEGER NOT NULL DEFAULT 0,
        spend_12m_fen INTEGER NOT NULL DEFAULT 0,
        spend_as_of INTEGER NOT NULL DEFAULT 0,
        orders INTEGER NOT NULL DEFAULT 0,
        first_purchase_at INTEGER,
        last_purchase_at INTEGER,
        sessions_watched INTEGER NOT NULL DEFAULT 0,
        interactive_sessions INTEGER NOT NULL DEFAULT 0,
        watch_ms INTEGER NOT NULL DEFAULT 0,
        comments INTEGER NOT NULL DEFAULT 0,
        interactions INTEGER NOT NULL DEFAULT 0,
        community_activities INTEGER NOT NULL DEFAULT 0,
        community_as_of INTEGER,
        -- Oldest order inside the spend window when it was counted: once the window passes it, the count is stale.
        spend_window_from INTEGER
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX members_by_name ON members (display_name COLLATE NOCASE);
      CREATE INDEX members_by_tier ON members (tier);
      CREATE INDEX members_by_spend ON members (lifetime_spend_fen DESC);

      CREATE TABLE member_identities (
        platform TEXT NOT NULL,
        platform_user_id TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        nickname TEXT NOT NULL DEFAULT '',
        nicknames TEXT NOT NULL DEFAULT '[]',
        first_seen_at INTEGER NOT NULL,
        PRIMARY KEY (platform, platform_user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX identities_by_member ON member_identities (member_id);
      CREATE INDEX identities_by_user ON member_identities (platform_user_id);
      CREATE INDEX identities_by_nickname ON member_identities (nickname COLLATE NOCASE);

      CREATE TABLE member_communities (
        community_id TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members (id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX communities_by_member ON member_communities (member_id);

      CREATE TABLE member_tags (
        member_id TEXT NOT NULL REFERENCES members (id),
        tag TEXT NOT NULL,
        PRIMARY KEY (member_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX tags_by_tag ON member_tags (tag COLLATE NOCASE);

      CREATE TABLE tier_history (
        id INTEGER PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members (id),
        at INTEGER NOT NULL,
        from_tier TEXT CHECK (from_tier IN ('vip', 'silver', 'bronze')),
        to_tier TEXT NOT NULL CHECK (to_tier IN ('vip', 'silver', 'bronze')),
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tier_history_by_member ON tier_history (member_id, at);

      -- One row per order and platform: a live order event and the same order in a shop export are counted once.
      CREATE TABLE member_orders (
        platform TEXT NOT NULL,
        order_id TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        platform_user_id TEXT NOT NULL,
        session_id TEXT REFERENCES sessions (id),
        source TEXT NOT NULL CHECK (source IN ('live', 'import')),
        sku TEXT NOT NULL DEFAULT '',
        quantity INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        currency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('paid', 'refunded', 'cancelled')),
        paid_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, order_id)
      ) STRICT;
      CREATE INDEX orders_by_member ON member_orders (member_id, paid_at);
      CREATE INDEX orders_by_account ON member_orders (platform, platform_user_id);

      -- One row per member and session, so feeding a session back twice cannot count it twice. The account is set
      -- when exactly one of the member's accounts attended (so a split can take the row along), else NULL.
      CREATE TABLE member_sessions (
        member_id TEXT NOT NULL REFERENCES members (id),
        session_id TEXT NOT NULL REFERENCES sessions (id),
        platform TEXT,
        platform_user_id TEXT,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        watch_ms INTEGER NOT NULL,
        comments INTEGER NOT NULL,
        interactions INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        spend_fen INTEGER NOT NULL,
        PRIMARY KEY (member_id, session_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX member_sessions_by_session ON member_sessions (session_id);

      CREATE TABLE feedback_runs (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id),
        applied_at INTEGER NOT NULL,
        result TEXT NOT NULL
      ) STRICT;

      -- Audit of every merge, split and account move; member ids are kept as text (the merged member is gone).
      CREATE TABLE member_merges (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'move')),
        target_id TEXT NOT NULL,
        source_id TEXT NOT NULL,
        account TEXT,
        at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        details TEXT NOT NULL
      ) STRICT;
      CREATE INDEX merges_by_target ON member_merges (target_id);
      CREATE INDEX merges_by_source ON member_merges (source_id);
    `);
  },
};
