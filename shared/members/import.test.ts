import { describe, expect, it } from 'vitest';
import { formatIssues, parseAmountFen, parseDateTime, parseImport } from './import.ts';

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseAmountFen', () => {
  it('reads amounts exactly in fen', () => {
    expect(parseAmountFen('199')).toBe(19900);
    expect(parseAmountFen('199.9')).toBe(19990);
    expect(parseAmountFen('0.07')).toBe(7);
    expect(parseAmountFen('¥1,299.00')).toBe(129900);
    expect(parseAmountFen('￥ 88.50')).toBe(8850);
    for (const bad of ['', '-5', '1.234', 'abc', '1,29', '12e3']) expect(parseAmountFen(bad)).toBeNull();
  });
});

describe('parseDateTime', () => {
  it('reads dates without a zone as China time by default', () => {
    expect(parseDateTime('2025-06-01 20:05:00')).toBe(Date.UTC(2025, 5, 1, 12, 5, 0));
    expect(parseDateTime('2025/6/1')).toBe(Date.UTC(2025, 4, 31, 16, 0, 0));
    expect(parseDateTime('2025-06-01T20:05:00Z')).toBe(Date.UTC(2025, 5, 1, 20, 5, 0));
    expect(parseDateTime('2025-06-01T20:05:00-05:00')).toBe(Date.UTC(2025, 5, 2, 1, 5, 0));
    expect(parseDateTime('2025-06-01 20:05', 0)).toBe(Date.UTC(2025, 5, 1, 20, 5, 0));
    expect(parseDateTime('1748779500')).toBe(1748779500_000);
    for (const bad of ['2025-02-30', '2025-13-01', '01/06/2025', 'yesterday', '2025-06-01 25:00']) expect(parseDateTime(bad)).toBeNull();
  });
});

describe('parseImport', () => {
  it('reads a members file with tags, community ids, Chinese headers and a BOM', () => {
    const r = parseImport('members', '\uFEFF' + csv('会员ID,昵称,标签,社群ID,extra', 'C001,小红,护肤|高消费,wx_1,x', 'C002,,,,', '', ''));
    expect(r).toEqual({
      ok: true,
      kind: 'members',
      ignoredColumns: ['extra'],
      rows: [
        { line: 2, memberId: 'C001', nickname: '小红', tags: ['护肤', '高消费'], communityIds: ['wx_1'] },
        { line: 3, memberId: 'C002', nickname: null, tags: [], communityIds: [] },
      ],
    });
  });

  it('reports every error with its line and field, and gives no rows', () => {
    const r = parseImport(
      'orders',
      csv(
        'order_id,platform,platform_user_id,sku,quantity,amount,currency,status,paid_at',
        'o1,douyin,u1,S,1,99.00,CNY,paid,2025-06-01 20:00:00',
        'o2,myspace,u2,S,0,-3,CNY,paid,2025-06-01',
        'o3,抖音,,S,1,10,rmb,已退款,2025-02-30',
        'o1,douyin,u9,S,1,1,CNY,lost,2025-06-01',
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 3, field: 'platform', message: 'unknown platform "myspace" (one of douyin, tiktok, taobao, kuaishou, bilibili, xiaohongshu, wechat_channels, other)' },
      { line: 3, field: 'quantity', message: '"0" is not a whole number of at least 1' },
      { line: 3, field: 'amount', message: '"-3" is not an amount (e.g. 199.00; refunds go in status, not as negative amounts)' },
      { line: 4, field: 'platform_user_id', message: 'required' },
      { line: 4, field: 'paid_at', message: '"2025-02-30" is not a date (use 2025-06-01 or 2025-06-01 20:05:00)' },
      { line: 5, field: 'status', message: 'unknown status "lost" (one of paid, refunded, cancelled)' },
    ]);
    expect(formatIssues(r.errors)[0]).toBe('line 3, platform: unknown platform "myspace" (one of douyin, tiktok, taobao, kuaishou, bilibili, xiaohongshu, wechat_channels, other)');
  });

  it('finds duplicate keys within the file', () => {
    const r = parseImport('orders', csv('order_id,platform,platform_user_id,amount,status,paid_at', 'o1,douyin,u1,1,paid,2025-06-01', 'o1,douyin,u2,1,paid,2025-06-01', 'o1,taobao,u2,1,paid,2025-06-01'));
    expect(r).toEqual({ ok: false, errors: [{ line: 3, field: 'order_id', message: 'order "douyin:o1" is already on line 2' }] });
  });

  it('reads aliases and defaults in orders (quantity 1, CNY)', () => {
    const r = parseImport('orders', csv('订单号,平台,用户ID,实付金额,订单状态,付款时间', 'A1,淘宝,t1,"¥1,299.00",交易成功,2025-06-01 20:00'));
    expect(r.ok && r.rows[0]).toMatchObject({ orderId: 'A1', platform: 'taobao', platformUserId: 't1', quantity: 1, amountFen: 129900, currency: 'CNY', status: 'paid', sku: '' });
  });

  it('checks the header: missing and repeated columns are line 1', () => {
    expect(parseImport('identities', csv('member_id,platform,member_id', 'a,douyin,a'))).toEqual({
      ok: false,
      errors: [
        { line: 1, field: 'member_id', message: 'column "member_id" appears twice' },
        { line: 1, field: 'platform_user_id', message: 'missing column "platform_user_id"' },
      ],
    });
    expect(parseImport('community', csv('count,as_of', '3,2025-06-01'))).toMatchObject({ ok: false, errors: [{ line: 1, field: 'member_id' }] });
  });

  it('needs a member or a community id on each community row', () => {
    const r = parseImport('community', csv('member_id,community_id,count,as_of', 'C1,,12,2025-06-01', ',wx_2,3,2025-06-01', ',,4,2025-06-01', 'C1,,5,2025-06-02'));
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 4, field: 'member_id', message: 'give a member_id or a community_id' },
        { line: 5, field: 'member_id', message: 'member "C1" is already on line 2' },
      ],
    });
  });

  it('reports CSV syntax errors and rows with too many fields', () => {
    expect(parseImport('members', csv('member_id,nickname', 'a,"unclosed'))).toMatchObject({ ok: false, errors: [{ line: 2, field: '' }] });
    expect(parseImport('members', csv('member_id,nickname', 'a,b,c'))).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringContaining('3 fields') as string }] });
    expect(parseImport('members', '')).toMatchObject({ ok: false, errors: [{ line: 0, message: 'the file is empty' }] });
  });

  it('refuses a file cut off in the middle of its last line, naming the line and the first missing column', () => {
    const whole = csv('member_id,nickname,tags,community_id', 'M1,Mei,vip,C1', 'M2,Ana Lima,vip|gold,C2');
    const cut = whole.slice(0, whole.indexOf('Ana') + 3);
    expect(parseImport('members', cut)).toEqual({
      ok: false,
      errors: [{ line: 3, field: 'tags', message: 'the file ends in the middle of this line (2 of 4 fields, no line break): it looks cut off; nothing was imported' }],
    });
    // Short rows with a line break after them, and a complete last line without one, are still read.
    expect(parseImport('members', csv('member_id,nickname,tags', 'M1,Mei'))).toMatchObject({ ok: true, rows: [{ memberId: 'M1', nickname: 'Mei', tags: [] }] });
    expect(parseImport('members', 'member_id,nickname\r\nM1,Mei')).toMatchObject({ ok: true, rows: [{ memberId: 'M1', nickname: 'Mei' }] });
  });

  it('counts physical lines when a quoted value spans several', () => {
    const r = parseImport('members', csv('member_id,nickname', 'a,"two', 'lines"', 'b c,x'));
    expect(r).toEqual({ ok: false, errors: [{ line: 4, field: 'member_id', message: 'must not contain spaces, commas or "|"' }] });
  });
});
