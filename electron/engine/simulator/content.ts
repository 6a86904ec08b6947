import type { Rng } from './prng.ts';

/**
 * What the simulated audience says. Mixed on purpose: ordinary chatter, questions, buying signals, words a
 * compliance filter must catch, emoji, and strings meant to break a careless renderer.
 */
export const COMMENTS = {
  zh: {
    chatter: ['主播好美', '来了来了', '支持支持', '这个颜色好看', '今天的穿搭好棒', '哈哈哈哈', '666', '第一次来直播间', '声音好好听', '已关注', '晚上好', '刚下班赶过来'],
    question: ['这个适合油皮吗？', '敏感肌能用吗', '多少钱', '几号链接', '有没有小样', '保质期多久？', '什么时候发货', '能不能便宜点', '孕妇可以用吗', '是正品吗', '和上次那款有什么区别'],
    purchase: ['怎么买', '还有吗', '上链接', '拍了', '已拍两件', '求链接！', '下单了', '111', '补货吗', '小黄车几号'],
    banned: ['这是全网最低价吧', '最好的面霜没有之一', '销量第一名', '加微信私聊更便宜', '100%有效吗', '能根治痘痘吗', '可以私下交易吗', '扫码转账行不行'],
  },
  en: {
    chatter: ['love this!', 'hello from Singapore', 'the color is so pretty', 'great show today', 'first time here', 'you look amazing'],
    question: ['Is it waterproof?', 'how long does shipping take', 'what size should I get', 'does it work on dry skin?', 'Can you show the back?'],
    purchase: ['how do I buy this', 'link please', 'is it in stock?', 'just ordered 2!', 'sold out already?'],
    banned: ['best ever!!', 'this is the best product in the world', '100% effective?', 'guaranteed results or money back'],
  },
} as const;

export const EMOJI = ['❤️❤️❤️', '👍', '🔥🔥🔥', '😍', '🎉🎉', '👨‍👩‍👧‍👦', '🇨🇳', '💄✨', '😂😂', '🙏'];

/** Strings a view must show as text, never markup, and survive without breaking layout. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b><a href="javascript:alert(1)">click</a>',
  '\u202Egnp.exe',
  'a\u200Bb\u200Bc\u200D',
  'Z̷̧͔̈́a̴̟͝l̵̰̓g̸̱̈o̶̦͑',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  "'; DROP TABLE comments; --",
  'ＦＵＬＬＷＩＤＴＨ ＴＥＸＴ',
  'line one\nline two\nline three',
  '   ',
  '🏳️‍🌈'.repeat(40),
  '长'.repeat(2000),
  'x'.repeat(5000),
];

/** Sold-out moments. */
export const SOLD_OUT = ['没抢到😭', '还有吗', '补货吗', '手慢了', 'sold out already?', 'missed it 😢'];
/** Buyers stopped at the per-customer limit. */
export const OVER_LIMIT = ['为什么只能买两件？', '限购吗', 'why can I only buy 2?'];

const ZH_NAME_PARTS = ['小', '阿', '大', '甜', '柠檬', '奶茶', '星星', '月亮', '可乐', '小鱼', '橙子', '花花', '喵', '兔兔'];
const ZH_NAME_ENDS = ['酱', '不酸', '宝宝', '同学', '妹妹', '姐姐', '仔', '呀', '家的猫', '爱吃糖'];
const EN_NAMES = ['momo', 'Lily', 'jason_k', 'Sunny', 'kiki', 'Mia', 'leo.w', 'Ava', 'Chen', 'bubble'];
export const HOSTILE_NICKNAMES = ['<img src=x onerror=alert(1)>', '\u202Enimda', '\u200B', 'N'.repeat(120), '管理员\u200B官方'];

export function nicknameFrom(rng: Rng, index: number): string {
  if (rng.chance(0.01)) return rng.pick(HOSTILE_NICKNAMES);
  const base = rng.chance(0.7) ? `${rng.pick(ZH_NAME_PARTS)}${rng.pick(ZH_NAME_ENDS)}` : rng.pick(EN_NAMES);
  const decorated = rng.chance(0.15) ? `${base}${rng.pick(EMOJI)}` : base;
  return rng.chance(0.4) ? `${decorated}${index % 1000}` : decorated;
}

export const GIFTS = [
  { giftId: 5655, giftName: 'Rose', diamondCount: 1, giftType: 1 },
  { giftId: 5827, giftName: 'Ice Cream Cone', diamondCount: 1, giftType: 1 },
  { giftId: 6064, giftName: '小心心', diamondCount: 1, giftType: 1 },
  { giftId: 5487, giftName: 'Finger Heart', diamondCount: 5, giftType: 1 },
  { giftId: 6427, giftName: '嘉年华', diamondCount: 3000, giftType: 2 },
  { giftId: 7934, giftName: 'Galaxy', diamondCount: 1000, giftType: 2 },
] as const;

/** Everyday catalogue; flash sales bring their own SKU. Prices in yuan. */
export const CATALOGUE = [
  { sku: 'SERUM-30ML', price: 299 },
  { sku: 'CREAM-50G', price: 189 },
  { sku: 'MASK-5P', price: 59.9 },
  { sku: 'LIPSTICK-03', price: 129 },
  { sku: 'CLEANSER-120ML', price: 79.9 },
] as const;
