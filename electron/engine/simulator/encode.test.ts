import { describe, expect, it } from 'vitest';
import { FeedEvent } from '../../../shared/feeds/events.ts';
import { isRejection, normalizeCuedeck, normalizeTikTok } from '../../../shared/feeds/normalize.ts';
import { AudienceModel } from './audience.ts';
import { encodeCuedeck, encodeTikTok } from './encode.ts';
import type { SimMessage } from './messages.ts';

function show(): SimMessage[] {
  const model = new AudienceModel({ seed: 8, startTime: 1_700_000_000_000, rate: 500 });
  const out: SimMessage[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i === 100) model.flashSale({ sku: 'FLASH-1', quantity: 200, perCustomerLimit: 2, price: 49 });
    out.push(...model.advance(20));
  }
  out.push(model.endStream());
  return out;
}

/** What the other end of the socket sees. */
const overTheWire = (args: unknown[]) => JSON.parse(JSON.stringify(args)) as unknown[];

describe('encoders', () => {
  const messages = show();
  const ctx = (seq: number) => ({ feedId: 'sim', platform: 'tiktok' as const, now: 1, seq });

  it('speak the Cuedeck protocol: every message is accepted by Cuedeck’s own normalizer', () => {
    let sent = 0;
    const kinds = new Set<string>();
    messages.forEach((m, i) => {
      const wire = encodeCuedeck(m, 'douyin');
      if (!wire) {
        expect(m).toMatchObject({ kind: 'gift', repeatEnd: false, giftType: 1 }); // only streak steps are held back
        return;
      }
      sent += 1;
      const result = normalizeCuedeck(wire.event, overTheWire(wire.args)[0], ctx(i));
      if (isRejection(result)) throw new Error(`${wire.event} rejected: ${result.rejected} ${result.detail ?? ''}`);
      expect(FeedEvent.safeParse(result).success).toBe(true);
      expect(result.id).toBe(m.kind === 'order' ? `douyin:order:${m.orderId}` : result.id);
      kinds.add(result.type);
    });
    expect(sent).toBeGreaterThan(4000);
    expect([...kinds].sort()).toEqual(['comment', 'enter', 'follow', 'gift', 'like', 'order', 'orderUpdate', 'share', 'streamEnd', 'viewers'].sort());
  });

  it('speak the TikTok-Chat-Reader protocol: streak steps are held back by the normalizer, orders are not sent', () => {
    const rejected = new Map<string, number>();
    const kinds = new Set<string>();
    messages.forEach((m, i) => {
      const wire = encodeTikTok(m);
      if (!wire) {
        expect(['order', 'order_update']).toContain(m.kind);
        return;
      }
      if (wire.event === 'streamEnd') return; // a control event: the connection handles it
      const result = normalizeTikTok(wire.event, overTheWire(wire.args)[0], ctx(i));
      if (isRejection(result)) {
        rejected.set(result.rejected, (rejected.get(result.rejected) ?? 0) + 1);
        return;
      }
      expect(FeedEvent.safeParse(result).success).toBe(true);
      kinds.add(result.type);
    });
    expect([...rejected.keys()]).toEqual(['streak_in_progress']);
    expect([...kinds].sort()).toEqual(['comment', 'enter', 'follow', 'gift', 'like', 'share', 'viewers']);
  });

  it('cut the very long hostile comments to the display limit, flagged', () => {
    const long = messages.find((m): m is Extract<SimMessage, { kind: 'comment' }> => m.kind === 'comment' && m.text.length > 1000);
    expect(long).toBeDefined();
    if (!long) return;
    const wire = encodeCuedeck(long, 'douyin');
    const result = wire && normalizeCuedeck(wire.event, wire.args[0], ctx(0));
    expect(result).toMatchObject({ type: 'comment', truncated: true });
  });
});
