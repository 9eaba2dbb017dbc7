// startsScanner finds a u+i cue's matches from the places its first words stand in the
// lower-cased text; these inputs check it against the cue's own global scan, with the characters
// where lower-casing and case folding part ("ſ" ≡ "s", "İ" lower-cases to two code units, the Kelvin sign).
import { describe, expect, it } from 'vitest';
import { startsScanner } from '../../src/extract/literalScan.js';

const CUE = /\b(?:Anbieter(?:in)? ist|(?:provided|hosted|run) by|Stand)\b[:\s]*(\p{L}+)?/giu;
const scanner = startsScanner(CUE, ['anbieter', 'provided', 'hosted', 'run', 'stand']);
const PIECES = ['Anbieter', 'ANBIETERIN', 'ist', 'provided', 'PROVIDED', 'hoſted', 'hosted', 'by', 'run', 'RUN', 'Stand', 'ſtand', 'İ', 'K', 'x', 'in', ' ', ' ', ':', '\n', 'Acme', 'ß', '😀'];

describe('startsScanner', () => {
  it('finds what the global scan finds, however the text is cased', () => {
    let seed = 5;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: 3 + Math.floor(next() * 30) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const expected = [...text.matchAll(CUE)].map((m) => [m.index, m[0], m[1]]);
      expect(scanner.scan(text).map((m) => [m.index, m[0], m[1]]), JSON.stringify(text)).toEqual(expected);
      expect(scanner.scan(text, 1).map((m) => m.index)).toEqual(expected.slice(0, 1).map((m) => m[0]));
    }
  });
});
