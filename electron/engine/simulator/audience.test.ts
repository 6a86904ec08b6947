import { describe, expect, it } from 'vitest';
import { detectPurchaseIntent, detectQuestion } from '../../../shared/feeds/detect.ts';
import { AudienceModel } from './audience.ts';
import type { SimMessage } from './messages.ts';

const START = 1_700_000_000_000;

function run(seed: number, rate: number, seconds: number, stepMs = 20, model = new AudienceModel({ seed, startTime: START, rate })): SimMessage[] {
  const out: SimMessage[] = [];
  for (let t = 0; t < seconds * 1000; t += stepMs) out.push(...model.advance(stepMs));
  return out;
}

function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const ofKind = <K extends SimMessage['kind']>(messages: SimMessage[], kind: K) =>
  messages.filter((m): m is Extract<SimMessage, { kind: K }> => m.kind === kind);

describe('AudienceModel', () => {
  it('is deterministic for a seed', () => {
    expect(run(42, 300, 5)).toEqual(run(42, 300, 5));
    expect(run(42, 300, 5)).not.toEqual(run(43, 300, 5));
  });

  it('keeps its rate exactly, whatever the step size', () => {
    const regular = (messages: SimMessage[]) =>
      messages.filter((m) => m.kind !== 'viewers' && m.kind !== 'order_update' && !(m.kind === 'gift' && m.giftType === 1 && !m.repeatEnd)).length;
    expect(regular(run(1, 200, 10))).toBe(2000);
    expect(regular(run(1, 2000, 2, 10))).toBe(4000);
    expect(regular(run(1, 7, 10, 500))).toBe(70);
    expect(regular(run(1, 3, 1, 70))).toBe(3); // 15 uneven steps, fractions carried
  });

  it('numbers messages uniquely and in time order', () => {
    const messages = run(5, 500, 4);
    expect(new Set(messages.map((m) => m.msgId)).size).toBe(messages.length);
    for (let i = 1; i < messages.length; i++) expect(nth(messages, i).time).toBeGreaterThanOrEqual(nth(messages, i - 1).time);
    expect(nth(messages, 0).time).toBeGreaterThanOrEqual(START);
  });

  it('follows the viewer curve once a second, with cumulative views growing', () => {
    const model = new AudienceModel({ seed: 3, startTime: START, rate: 10, curve: { peak: 1000, rampMs: 10_000, plateauMs: 60_000, dropMs: 10_000, floor: 0.2 } });
    const viewers = ofKind(run(3, 10, 90, 100, model), 'viewers');
    expect(viewers).toHaveLength(91);
    expect(nth(viewers, 0).current).toBe(0);
    expect(nth(viewers, 30).current).toBeGreaterThan(940);
    expect(nth(viewers, 30).current).toBeLessThan(1060);
    expect(nth(viewers, 90).current).toBeLessThan(230);
    for (let i = 1; i < viewers.length; i++) expect(nth(viewers, i).cumulative).toBeGreaterThanOrEqual(nth(viewers, i - 1).cumulative);
  });

  it('says what a real room says: questions, buying signals, banned words, emoji and hostile strings', () => {
    const comments = ofKind(run(11, 1000, 20), 'comment');
    const texts = comments.map((c) => c.text);
    const share = (pred: (t: string) => boolean) => texts.filter(pred).length / texts.length;
    expect(comments.length).toBeGreaterThan(8000);
    expect(share(detectQuestion)).toBeGreaterThan(0.15);
    expect(share(detectPurchaseIntent)).toBeGreaterThan(0.1);
    expect(share((t) => /最好|第一|加微信|100%有效|best ever/.test(t))).toBeGreaterThan(0.01);
    expect(share((t) => /\p{Extended_Pictographic}/u.test(t))).toBeGreaterThan(0.05);
    expect(texts.some((t) => t.includes('<script>'))).toBe(true);
    expect(texts.some((t) => t.includes('\u202E'))).toBe(true);
    expect(texts.some((t) => t.length >= 2000)).toBe(true);
    expect(texts.some((t) => /[a-z]{4}/i.test(t) && !/[\u4e00-\u9fff]/.test(t))).toBe(true); // English too
    expect(comments.some((c) => c.viaQuestionBox)).toBe(true);
    expect(comments.some((c) => c.user.nickname.includes('<img') || c.user.nickname.includes('\u202E'))).toBe(true);
  });

  it('sends gift streaks as running updates before the final count', () => {
    const gifts = ofKind(run(9, 1000, 5), 'gift');
    const finals = gifts.filter((g) => g.repeatEnd);
    const steps = gifts.filter((g) => !g.repeatEnd && g.giftType === 1);
    expect(finals.length).toBeGreaterThan(50);
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) {
      const final = finals.find((f) => f.user === step.user && f.giftId === step.giftId && f.time === step.time);
      expect(final && final.repeatCount > step.repeatCount).toBe(true);
    }
  });

  it('answers a flash sale with a spike of orders that sells out within the limits', () => {
    const model = new AudienceModel({ seed: 21, startTime: START, rate: 100 });
    run(21, 100, 20, 20, model); // an audience first
    const sale = model.flashSale({ sku: 'FLASH-1', quantity: 300, perCustomerLimit: 2, price: 9.9 });
    const after = run(21, 100, 20, 20, model);
    const saleOrders = ofKind(after, 'order').filter((o) => o.sku === 'FLASH-1');
    const firstTwoSeconds = saleOrders.filter((o) => o.time < sale.openedAt + 2000).length;
    expect(firstTwoSeconds).toBeGreaterThan(saleOrders.length * 0.4);
    expect(saleOrders.reduce((sum, o) => sum + o.quantity, 0)).toBe(300);
    const perBuyer = new Map<string, number>();
    for (const o of saleOrders) perBuyer.set(o.user.userId, (perBuyer.get(o.user.userId) ?? 0) + o.quantity);
    expect(Math.max(...perBuyer.values())).toBeLessThanOrEqual(2);
    for (const o of saleOrders) expect(o.amount).toBe(Math.round(9.9 * o.quantity * 100) / 100);
    const report = sale.report();
    expect(report.soldOutAt).not.toBeNull();
    expect(report.overLimitAttempts).toBeGreaterThan(0);
    expect(report.outOfStockAttempts).toBeGreaterThan(0);
    expect(ofKind(after, 'comment').some((c) => c.text.includes('没抢到') || c.text.includes('missed it'))).toBe(true);
  });

  it('refunds and cancels some orders later, never unknown ones', () => {
    const messages = run(4, 300, 300, 100);
    const orderIds = new Set<string>();
    const updates: Extract<SimMessage, { kind: 'order_update' }>[] = [];
    for (const m of messages) {
      if (m.kind === 'order') orderIds.add(m.orderId);
      if (m.kind === 'order_update') {
        expect(orderIds.has(m.orderId)).toBe(true);
        updates.push(m);
      }
    }
    expect(updates.some((u) => u.status === 'refunded')).toBe(true);
    expect(updates.some((u) => u.status === 'cancelled')).toBe(true);
    expect(updates.length).toBeLessThan(orderIds.size * 0.15);
  });

  it('ends the stream on request and goes quiet', () => {
    const model = new AudienceModel({ seed: 1, startTime: START, rate: 100 });
    model.advance(1000);
    expect(model.endStream()).toMatchObject({ kind: 'stream_end', time: START + 1000 });
    expect(model.advance(1000)).toEqual([]);
  });
});
