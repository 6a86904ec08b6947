import type { MessageKey } from './en.ts';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Dictionary = Readonly<Record<MessageKey, string>>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed, not hidden. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(dict: Dictionary, key: MessageKey, params?: MessageParams): string {
  return interpolate(dict[key], params);
}

/** Narrows a computed string (e.g. `notice.${code}`) to a key when the dictionary has it. */
export function isMessageKey(dict: Dictionary, key: string): key is MessageKey {
  return Object.hasOwn(dict, key);
}

/** Names of the placeholders a template uses, for completeness checks. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
