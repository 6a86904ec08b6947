import type {
  CommunityImportRow,
  IdentityImportRow,
  ImportAction,
  ImportChange,
  ImportIssue,
  ImportRows,
  MemberImportRow,
  OrderImportRow,
} from '../../../../shared/members/import.ts';
import { fromFen, identityKey } from '../../../../shared/members/member.ts';
import { createMember, mergeInto, moveAccount, reassess, type WriteContext } from './member-writes.ts';

const MAX_CHANGES = 500;

export interface ImportRun {
  issues: ImportIssue[];
  counts: Record<ImportAction, number>;
  changes: ImportChange[];
  changesLeftOff: number;
  newMembers: number;
}

/**
 * Writes validated rows. Checks that need the database (a community id owned by someone else, an order bought by
 * another account) are collected as issues while writing; the caller commits only when there are none, and
 * rolls back for a preview, so preview and apply answer from the same code.
 */
export function runImport(ctx: WriteContext, input: ImportRows): ImportRun {
  const run: ImportRun = { issues: [], counts: { create: 0, update: 0, unchanged: 0, move: 0, stale: 0 }, changes: [], changesLeftOff: 0, newMembers: 0 };
  const note = (line: number, action: ImportAction, key: string, detail: string) => {
    run.counts[action] += 1;
    if (action === 'unchanged') return;
    if (run.changes.length < MAX_CHANGES) run.changes.push({ line, action, key, detail });
    else run.changesLeftOff += 1;
  };
  const issue = (line: number, field: string, message: string) => run.issues.push({ line, field, message });
  /** Members whose totals must be recounted once the rows are in. */
  const touched = new Map<string, string>();
  const created = new Set<string>();
  const ensureMember = (id: string, displayName: string, why: string) => {
    if (ctx.repo.member(id)) return;
    createMember(ctx, id, displayName, 'import');
    created.add(id);
    touched.set(id, why);
    run.newMembers += 1;
  };

  switch (input.kind) {
    case 'members':
      for (const r of input.rows) importMember(r);
      break;
    case 'identities':
      for (const r of input.rows) importAccount(r);
      break;
    case 'community':
      for (const r of input.rows) importCommunity(r);
      break;
    case 'orders':
      for (const r of input.rows) importOrder(r);
      break;
  }
  for (const [id, why] of touched) {
    const row = ctx.repo.member(id);
    if (!row) continue; // merged away
    reassess(ctx, ctx.repo.refreshTotals(id, ctx.windowStart, ctx.now), created.has(id), why);
  }
  return run;

  function importMember(r: MemberImportRow): void {
    const { repo } = ctx;
    const existing = repo.member(r.memberId);
    const done: string[] = [];
    if (!existing) {
      ensureMember(r.memberId, r.nickname ?? '', 'members import');
      done.push('new member');
    } else if (r.nickname !== null && r.nickname !== existing.display_name) {
      repo.setDisplayName(r.memberId, r.nickname, ctx.now);
      done.push(`name "${existing.display_name}" → "${r.nickname}"`);
    }
    const added = r.tags.filter((t) => repo.addTag(r.memberId, t));
    if (added.length > 0) done.push(`tags + ${added.join(', ')}`);
    for (const c of r.communityIds) {
      const owner = repo.communityOwner(c);
      if (owner === r.memberId) continue;
      if (owner !== undefined) {
        issue(r.line, 'community_id', `community id "${c}" belongs to member "${owner}"; merge the two members instead`);
        continue;
      }
      repo.addCommunity(r.memberId, c);
      done.push(`community ${c}`);
    }
    note(r.line, !existing ? 'create' : done.length > 0 ? 'update' : 'unchanged', r.memberId, done.join('; '));
  }

  function importAccount(r: IdentityImportRow): void {
    const { repo } = ctx;
    const key = identityKey(r.platform, r.platformUserId);
    ensureMember(r.memberId, r.nickname ?? '', 'identities import');
    const account = repo.account(r.platform, r.platformUserId);
    if (!account) {
      repo.insertAccount({ platform: r.platform, userId: r.platformUserId, memberId: r.memberId, nickname: r.nickname ?? '', at: ctx.now });
      note(r.line, 'create', key, `linked to ${r.memberId}`);
      return;
    }
    if (account.member_id === r.memberId) {
      note(r.line, 'unchanged', key, '');
      return;
    }
    // The account was another member's (typically one created from a live session): it moves to the unified id.
    const from = account.member_id;
    const moved = moveAccount(ctx, { platform: r.platform, userId: r.platformUserId }, from, r.memberId, 'move', `identities import, line ${r.line}`);
    touched.set(r.memberId, 'identities import');
    let detail = `moved from ${from} to ${r.memberId} with ${moved.orders} orders and ${moved.sessions} sessions`;
    if (repo.accountsOf(from).length === 0) {
      // Nothing left to tell the old record apart: it was this account; what remains goes along.
      mergeInto(ctx, r.memberId, from, `identities import, line ${r.line}: its last account moved`);
      touched.delete(from);
      detail += `; ${from} merged into ${r.memberId}`;
    } else touched.set(from, 'identities import');
    note(r.line, 'move', key, detail);
  }

  function importCommunity(r: CommunityImportRow): void {
    const { repo } = ctx;
    const owner = r.communityId === null ? undefined : repo.communityOwner(r.communityId);
    if (r.communityId !== null && owner === undefined) {
      issue(r.line, 'community_id', `no member has community id "${r.communityId}" (import members with their community_id first)`);
      return;
    }
    if (r.memberId !== null && owner !== undefined && owner !== r.memberId) {
      issue(r.line, 'community_id', `community id "${r.communityId ?? ''}" belongs to member "${owner}", not "${r.memberId}"`);
      return;
    }
    const memberId = r.memberId ?? owner;
    const member = memberId === undefined ? undefined : repo.member(memberId);
    if (!member) {
      issue(r.line, 'member_id', `there is no member "${r.memberId ?? ''}" (import members first)`);
      return;
    }
    const key = member.id;
    if (member.community_as_of !== null && r.asOf < member.community_as_of) {
      note(r.line, 'stale', key, `as of ${new Date(r.asOf).toISOString()} is older than the stored count's ${new Date(member.community_as_of).toISOString()}`);
      return;
    }
    if (member.community_as_of === r.asOf && member.community_activities === r.count) {
      note(r.line, 'unchanged', key, '');
      return;
    }
    repo.setCommunityActivities(member.id, r.count, r.asOf, ctx.now);
    touched.set(member.id, 'community activity import');
    note(r.line, 'update', key, `community activities ${member.community_activities} → ${r.count}`);
  }

  function importOrder(r: OrderImportRow): void {
    const { repo } = ctx;
    const key = identityKey(r.platform, r.orderId);
    let account = repo.account(r.platform, r.platformUserId);
    if (!account) {
      const id = ctx.newId();
      ensureMember(id, r.nickname ?? '', 'orders import');
      repo.insertAccount({ platform: r.platform, userId: r.platformUserId, memberId: id, nickname: r.nickname ?? '', at: ctx.now });
      account = repo.account(r.platform, r.platformUserId);
    }
    if (!account) throw new Error('account vanished');
    const known = repo.order(r.platform, r.orderId);
    const fields = { sku: r.sku, quantity: r.quantity, amount_fen: r.amountFen, currency: r.currency, status: r.status, paid_at: r.paidAt };
    if (!known) {
      repo.insertOrder({ platform: r.platform, order_id: r.orderId, member_id: account.member_id, platform_user_id: r.platformUserId, session_id: null, source: 'import', ...fields }, ctx.now);
      touched.set(account.member_id, 'orders import');
      note(r.line, 'create', key, `${r.status} ${fromFen(r.amountFen).toFixed(2)} ${r.currency} by ${identityKey(r.platform, r.platformUserId)}`);
      return;
    }
    if (known.platform_user_id !== r.platformUserId) {
      issue(r.line, 'platform_user_id', `order "${r.orderId}" was bought by "${known.platform_user_id}", not "${r.platformUserId}"`);
      return;
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => known[k] !== fields[k]);
    if (changed.length === 0) {
      note(r.line, 'unchanged', key, '');
      return;
    }
    repo.updateOrder({ platform: r.platform, order_id: r.orderId, ...fields }, ctx.now);
    touched.set(known.member_id, 'orders import');
    note(r.line, 'update', key, changed.map((k) => `${k} ${String(known[k])} → ${String(fields[k])}`).join('; '));
  }
}
