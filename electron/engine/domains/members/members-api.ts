import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX } from '../../../../shared/protocol/index.ts';
import { formatIssues, ImportKind, ImportMode, MAX_MEMBER_IMPORT_BYTES } from '../../../../shared/members/import.ts';
import { AutoTag } from '../../../../shared/members/auto-tags.ts';
import { PromotionSelection } from '../../../../shared/members/commands.ts';
import { LookupRequest } from '../../../../shared/members/member.ts';
import { BodyError, readJsonBody, sendError, sendJson, type ApiRoutes } from '../../http/api.ts';
import { CommandFailure } from '../../dispatch/command-failure.ts';
import type { MembersService } from './member-service.ts';

const BASE = `${API_PREFIX}/members`;
const MAX_LOOKUP_BYTES = 256 * 1024;
/** Content types a CSV upload arrives with (Windows browsers label .csv as Excel). */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

/**
 * The body as text. UTF-8 (with or without BOM) is expected; a file that is not valid UTF-8 is read as GB18030,
 * which Chinese Excel and shop back offices still export.
 */
export async function readCsvBody(req: IncomingMessage, maxBytes = MAX_MEMBER_IMPORT_BYTES): Promise<{ text: string; encoding: string }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type)) throw new BodyError(415, 'Send the file as CSV (Content-Type: text/csv)');
  const declared = /charset=([\w-]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyError(413, `The file is over ${maxBytes / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
    } catch {
      throw new BodyError(415, `Unknown charset "${declared}"`);
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** "+08:00" / "-05:30" / "480" → minutes east of UTC. */
function parseOffset(text: string | null): number | undefined | null {
  if (text === null || text === '') return undefined;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return /^[+-]?\d{1,4}$/.test(text.trim()) && Math.abs(Number(text)) <= 14 * 60 ? Number(text) : null;
}

function sendText(res: ServerResponse, type: string, filename: string, body: string): void {
  res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' });
  res.end(body);
}

function fail(res: ServerResponse, error: unknown): boolean {
  if (error instanceof BodyError) sendError(res, 'bad_request', error.message, error.status);
  else if (error instanceof CommandFailure) sendError(res, error.code, error.message);
  else throw error;
  return true;
}

/**
 * Member records over HTTP: search, a member, CSV import (preview / apply) and export, tier shares, badge lookup,
 * the feed-back preview (commands answer only ok / error, so the dry run's figures come from here), the open
 * temporary promotions and how many members a promotion selection matches.
 */
export function createMembersRoutes(members: MembersService): ApiRoutes {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return false;
    const rest = pathname.slice(BASE.length).split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const allow = (m: string) => {
      if (method === m) return true;
      res.writeHead(405, { Allow: m }).end();
      return false;
    };
    try {
      const [first, second] = rest;
      if (first === undefined) {
        if (!allow('GET')) return true;
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const autoTagParam = url.searchParams.get('autoTag');
        const autoTag = autoTagParam === null || autoTagParam === '' ? undefined : AutoTag.safeParse(autoTagParam);
        if (autoTag !== undefined && !autoTag.success) {
          sendError(res, 'bad_request', `autoTag must be one of ${AutoTag.options.join(', ')}`);
          return true;
        }
        sendJson(res, 200, members.search(url.searchParams.get('q') ?? '', Number.isFinite(limit) ? limit : 50, { autoTag: autoTag?.data }));
      } else if (first === 'import' && rest.length === 1) {
        if (!allow('POST')) return true;
        const kind = ImportKind.safeParse(url.searchParams.get('kind'));
        const mode = ImportMode.safeParse(url.searchParams.get('mode') ?? 'preview');
        const offset = parseOffset(url.searchParams.get('utcOffset'));
        if (!kind.success || !mode.success || offset === null) {
          sendError(res, 'bad_request', 'Use ?kind=members|identities|community|orders&mode=preview|apply (optionally &utcOffset=+08:00)');
          return true;
        }
        const { text, encoding } = await readCsvBody(req);
        const answer = members.import(kind.data, mode.data, text, offset === undefined ? {} : { utcOffsetMinutes: offset });
        if (!answer.ok) {
          const message = `${answer.errors.length} error${answer.errors.length === 1 ? '' : 's'} in the file; nothing was changed.`;
          sendJson(res, 422, { ok: false, error: { code: 'import_failed', message, issues: formatIssues(answer.errors) }, errors: answer.errors });
        } else sendJson(res, 200, { ok: true, encoding, outcome: answer.outcome });
      } else if (first === 'export.csv' && rest.length === 1) {
        if (!allow('GET')) return true;
        sendText(res, 'text/csv', `cuedeck-members-${new Date().toISOString().slice(0, 10)}.csv`, members.exportCsv());
      } else if (first === 'tier-shares' && rest.length === 1) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.shares());
      } else if (first === 'health' && rest.length === 1) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.health());
      } else if (first === 'tier-rules' && rest.length === 1) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.rules());
      } else if (first === 'promotions' && rest.length === 1) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.promotionGrants());
      } else if (first === 'selection' && rest.length === 1) {
        if (!allow('GET')) return true;
        const raw = Object.fromEntries([...url.searchParams.entries()].filter(([k, v]) => ['tier', 'tag', 'autoTag'].includes(k) && v !== ''));
        const selection = PromotionSelection.safeParse(raw);
        if (!selection.success) {
          sendError(res, 'bad_request', `Use ?tier=vip|silver|bronze&tag=…&autoTag=… (at least one): ${selection.error.issues[0]?.message ?? ''}`);
          return true;
        }
        sendJson(res, 200, { count: members.selectionCount(selection.data) });
      } else if (first === 'lookup' && rest.length === 1) {
        if (!allow('POST')) return true;
        const parsed = LookupRequest.safeParse(await readJsonBody(req, MAX_LOOKUP_BYTES));
        if (!parsed.success) {
          sendError(res, 'bad_request', `Send [{ "platform": "douyin", "userId": "…" }, …] (at most 1000): ${parsed.error.issues[0]?.message ?? ''}`);
          return true;
        }
        sendJson(res, 200, members.lookup(parsed.data));
      } else if (first === 'feedback' && second !== undefined && rest.length === 2) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.feedBack(second, { dryRun: true }));
      } else if (rest.length === 1) {
        if (!allow('GET')) return true;
        const member = members.member(first);
        if (member) sendJson(res, 200, member);
        else sendError(res, 'not_found', `There is no member "${first}"`);
      } else if (second === 'audit' && rest.length === 2) {
        if (!allow('GET')) return true;
        sendJson(res, 200, members.audits(first));
      } else {
        sendError(res, 'not_found', `No such members resource: ${rest.join('/')}`);
      }
    } catch (error) {
      return fail(res, error);
    }
    return true;
  };
}
