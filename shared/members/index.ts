export * from './member.ts';
export * from './tiers.ts';
export * from './import.ts';
export * from './feedback.ts';
export * from './commands.ts';
export * from './auto-tags.ts';
export * from './promotions.ts';
