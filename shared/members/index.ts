export * from './member.ts';
export * from './tiers.ts';
export * from './import.ts';
export * from './feedback.ts';
export * from './commands.ts';
