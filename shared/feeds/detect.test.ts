import { describe, expect, it } from 'vitest';
import { detectPurchaseIntent, detectQuestion, foldText } from './detect.ts';

describe('detectQuestion', () => {
  it.each([
    '这个适合油皮吗',
    '敏感肌能用吗？',
    '多少钱',
    '几号链接',
    '怎么用',
    '什么时候发货',
    '哪个色号好看',
    '能不能便宜点',
    '是不是正品',
    '有没有小样',
    '那个蓝色的呢',
    '请问保质期',
    '啥时候上新',
    'is this waterproof',
    'How long does shipping take',
    'what size should I get',
    'ok?',
    'ok？',
    'Can you show the back',
  ])('flags %s', (text) => {
    expect(detectQuestion(text)).toBe(true);
  });

  it.each(['主播好漂亮', '已经下单了', '几乎每天都用', '哪怕贵也买', 'love it', "can't wait", 'great color!', '来了来了', '', '   ', '哈哈哈'])(
    'leaves %s alone',
    (text) => {
      expect(detectQuestion(text)).toBe(false);
    },
  );

  it('sees through zero-width characters and full-width forms', () => {
    expect(detectQuestion('ｗｈａｔ　ｉｓ　ｔｈｉｓ')).toBe(true);
    expect(detectQuestion('能\u200B不\u200B能')).toBe(true);
  });
});

describe('detectPurchaseIntent', () => {
  it.each([
    '怎么买',
    '怎么下单啊',
    '还有吗',
    '还有货没',
    '上链接',
    '求链接！！',
    '拍了',
    '已拍 两件',
    '刚下单了',
    '没抢到😭',
    '小黄车几号',
    '111',
    '1',
    'how do I buy this',
    'Link please',
    'is it in stock?',
    'just ordered two',
    'How much is it',
    'sold out already?',
  ])('flags %s', (text) => {
    expect(detectPurchaseIntent(text)).toBe(true);
  });

  it.each(['主播好漂亮', '这个颜色显白', 'blinking lights', 'nice song', 'hello from Berlin', '12', ''])('leaves %s alone', (text) => {
    expect(detectPurchaseIntent(text)).toBe(false);
  });
});

describe('foldText', () => {
  it('folds width and case and drops bidi overrides', () => {
    expect(foldText(' ＬＩＮＫ\u202E ')).toBe('link');
  });
});
