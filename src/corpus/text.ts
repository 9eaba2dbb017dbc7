/** Small text helpers shared by the phrasebooks. */
import type { Rng } from './random.js';

/** "a", "a und b", "a, b und c". */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Picks a variant and calls it: keeps long template lists lazy. */
export function oneOf<T>(rng: Rng, variants: readonly (() => T)[]): T {
  return rng.pick(variants)();
}

/** Joins non-empty sentences with single spaces. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ');
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
