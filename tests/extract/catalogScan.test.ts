// The catalog scan reads words code unit by code unit from the text lower-cased once; these
// inputs check it against the scan it replaced (a RegExp per word, each word lower-cased alone),
// kept here as the oracle, on text with the characters where the two could part: "İ" (lower-cases
// to two code units), "Σ" (lower-cased by context), surrogate pairs, lone surrogates, joins.
import { describe, expect, it } from 'vitest';
import { findCatalogHits } from '../../src/extract/entities.js';
import { VENDORS } from '../../src/kb/vendors.js';
import { Rng } from '../../src/corpus/random.js';

const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const tokenCount = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
const NAMES = new Set<string>();
for (const v of VENDORS) for (const n of [...v.services, v.brand, ...v.aliases]) if (n.length >= 3) NAMES.add(n);
const BY_COMPACT = new Map<string, string>();
const PREFIXES = new Set<string>();
for (const n of NAMES) {
  const k = compact(n);
  if (k.length < 3 || !/\p{L}/u.test(k) || BY_COMPACT.has(k)) continue;
  BY_COMPACT.set(k, n);
  for (let i = 1; i <= k.length; i++) PREFIXES.add(k.slice(0, i));
}
const MAX_WORDS = Math.max(...[...BY_COMPACT.values()].map(tokenCount));
function sameName(surface: string, name: string): boolean {
  if (surface === name) return true;
  const letters = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  if (letters(surface) === letters(name)) return true;
  if (/^\p{Lu}/u.test(surface)) return true;
  return surface === surface.toLowerCase() && tokenCount(surface) === tokenCount(name) && (/\p{Ll}\p{Lu}/u.test(name) || tokenCount(name) > 1);
}
function oracle(text: string): [string, number, number][] {
  const out: [string, number, number][] = [];
  const WORD = /[\p{L}\p{N}]+/gu;
  const NEXT_WORD = /([^\p{L}\p{N}]{1,3})([\p{L}\p{N}]+)/uy;
  for (let m: RegExpExecArray | null; (m = WORD.exec(text)); ) {
    let key = m[0].toLowerCase();
    if (!PREFIXES.has(key)) continue;
    const start = m.index;
    if (/[./@-]/.test(text[start - 1] ?? '')) continue;
    let end = start + m[0].length;
    let found: { name: string; end: number } | null = null;
    for (let j = 0; ; ) {
      const name = BY_COMPACT.get(key);
      if (name && !/^(?:\.[a-z]|-\p{L})/u.test(text.slice(end, end + 2)) && sameName(text.slice(start, end), name)) found = { name, end };
      if (++j >= MAX_WORDS) break;
      NEXT_WORD.lastIndex = end;
      const next = NEXT_WORD.exec(text);
      if (!next || !/^(?: |-|‑|\.| & )$/.test(next[1])) break;
      key += next[2].toLowerCase();
      if (!PREFIXES.has(key)) break;
      end = next.index + next[0].length;
    }
    if (!found) continue;
    out.push([found.name, start, found.end]);
    WORD.lastIndex = found.end;
  }
  return out;
}

const PIECES = ['Google', 'Analytics', 'google', 'analytics', 'Jitsi', 'Meet', 'jit', 'si', 'Bunny', 'CDN', 'Pay', 'Pal', 'PAYPAL', 'Zoom', 'Microsoft', 'Teams', 'Matomo', 'Stripe', 'wir', 'in', 'die', 'ü', 'ß', 'İ', 'Σ', 'ΑΣ', '😀', '𝐀', '\ud800', '\udc00', ' ', ' ', ' ', '-', '‑', '.', ' & ', '/', '@', ',', '\n', '  '];

describe('catalog scan', () => {
  it('finds what the per-word scan finds, on text with every character where the two could part', () => {
    const random = new Rng(8);
    const next = () => random.next();
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 5 + Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      expect(findCatalogHits(text).map((h) => [h.name, h.start, h.end]), JSON.stringify(text)).toEqual(oracle(text));
    }
  });
});
