import { describe, expect, it } from 'vitest';
import { generatePolicy } from '../../src/corpus/generate.js';
import { documentRng } from '../../src/corpus/random.js';
import { multiScanner } from '../../src/extract/multiScan.js';

const alone = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, re.flags.replace('g', '') + 'g'))].map((m) => [m.index, m[0], ...m.slice(1)]);
const together = (cues: RegExp[], text: string) => multiScanner(cues).scan(text).map((ms) => ms.map((m) => [m.index, m[0], ...m.slice(1)]));

// Cues that overlap, nest, differ in case sensitivity and look around: what the single pass must not get wrong.
const CUES = [/ab/, /abab/i, /b(a)/, /(?<=a)b+/, /\bba\b/i, /a(?!b)/, /B/];

/** Deterministic texts over a small alphabet, so the cues meet at every kind of position. */
function texts(n: number): string[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => 'aAbB .'[Math.floor(rnd() * 6)]).join(''));
}

describe('multiScanner', () => {
  it('finds every cue\'s matches as the cue\'s own global scan does, overlapping ones included', () => {
    for (const text of texts(3000)) expect(together(CUES, text), text).toEqual(CUES.map((re) => alone(re, text)));
  });

  it('tests as each cue tests', () => {
    const scanner = multiScanner(CUES);
    for (const text of texts(3000)) expect(scanner.tests(text), text).toEqual(CUES.map((re) => re.test(text)));
  });

  it('reads a cue whose match begins inside another cue\'s match', () => {
    // "Videokonferenz" holds "Video" and "Konferenz": two cues, one position apart from the union's first match
    expect(multiScanner([/Video/, /Konferenz/i, /Videokonferenz/]).tests('per Videokonferenz')).toEqual([true, true, true]);
    expect(together([/Standard\w*/, /klauseln/], 'Standardvertragsklauseln')).toEqual([[[0, 'Standardvertragsklauseln']], [[16, 'klauseln']]]);
  });

  it('gives the same answers as the cues alone on policy text, with the u flag', () => {
    const cues = [/\bDaten\p{L}*/gu, /\p{Lu}{2,}/u, /(?<=\s)und\s/iu, /Server|Cookies?/u];
    for (let i = 0; i < 5; i++) {
      const text = generatePolicy(i, documentRng(1, i)).text;
      expect(together(cues, text)).toEqual(cues.map((re) => alone(re, text)));
    }
  });

  it('keeps a case-sensitive cue apart from case-insensitive ones (its look-ahead and negated class refuse no other case)', () => {
    expect(together([/a(?!b)/, /x/i], 'aB')).toEqual([[[0, 'a']], []]);
    expect(multiScanner([/a[^b]/, /x/i]).tests('aB')).toEqual([true, false]);
  });

  it('never starts inside a surrogate pair under the u flag', () => {
    expect(together([/\uDE00/u, /x/u], '😀x')).toEqual([[], [[2, 'x']]]);
  });

  it('refuses cues it cannot join faithfully', () => {
    expect(() => multiScanner([/a/u, /b/])).toThrow(/u flag/);
    expect(() => multiScanner([/^a/m, /b/])).toThrow(/m flag/);
    expect(() => multiScanner([/(a)\1/, /b/])).toThrow(/group/);
    expect(() => multiScanner([/(?<x>a)\k<x>/, /b/])).toThrow(/group/);
    expect(() => multiScanner([/a*/, /b/]).tests('b')).toThrow(/empty/);
  });
});
