import { describe, expect, it } from 'vitest';
import { generatePolicy } from '../../src/corpus/generate.js';
import { documentRng } from '../../src/corpus/random.js';
import { FOLD_EXCEPTIONS, literalScanner, scanNames } from '../../src/extract/literalScan.js';
import { COUNTRIES } from '../../src/kb/countries.js';
import { LEGAL_FORMS } from '../../src/kb/legalForms.js';

// The names the extractor scans case-insensitively.
const CASE_INSENSITIVE = [...COUNTRIES.flatMap((c) => c.names), ...LEGAL_FORMS.flatMap((f) => f.variants)];
const longestFirst = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
const exactMatches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
const scanned = (s: ReturnType<typeof literalScanner>, text: string) => s.scan(text).map((m) => [m.index, m[0]]);

describe('literalScanner', () => {
  it('finds in lower-cased text every place the i flag matches, but for the fold exceptions', () => {
    // every character the names use, against every BMP character the u+i flags equate with it
    const chars = new Set([...CASE_INSENSITIVE.join('')]);
    const missed: string[] = [];
    for (const c of chars) {
      const re = new RegExp(`^${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
      for (let x = 0; x < 0x10000; x++) {
        if (x >= 0xd800 && x < 0xe000) continue;
        const ch = String.fromCharCode(x);
        if (!re.test(ch)) continue;
        const lower = ch.toLowerCase();
        if (lower !== c.toLowerCase() && lower.length === 1 && !FOLD_EXCEPTIONS.test(lower)) missed.push(`${c} ≡ U+${x.toString(16)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('knows every non-ASCII character that lower-cases to ASCII (the candidates\' guard relies on it)', () => {
    const toAscii: string[] = [];
    for (let x = 0x80; x < 0x10000; x++) {
      if (x >= 0xd800 && x < 0xe000) continue;
      const lower = String.fromCharCode(x).toLowerCase();
      if (lower.length === 1 && lower.charCodeAt(0) < 0x80) toAscii.push(`U+${x.toString(16)}`);
    }
    expect(toAscii).toEqual(['U+212a']);
  });

  it('returns exactly the matches of the exact RegExp', () => {
    const countries = literalScanner(longestFirst(COUNTRIES.flatMap((c) => c.names)), '(?<![\\p{L}\\d])', '(?![\\p{L}\\d])', true);
    const forms = literalScanner(longestFirst(LEGAL_FORMS.flatMap((f) => f.variants)), '(?<![\\p{L}\\d.])', '(?![\\p{L}\\d])', false);
    const tricky = [
      'Server in den Vereinigten Staaten von Amerikas und den USA; Deutschlands Nachbar Österreich, ÖSTERREICH, österreich.',
      'Übermittlung in die ſchweiz (langes s), nach İndien und nach Indien; GROẞBRITANNIEN und Großbritannien.',
      'Acme GmbH & Co. KG, Beta GmbH&Co. KG, Gamma gmbh, Delta Inc.Inc., Epsilon S.à r.l., Zeta Sp. z o.o., AGB der XY AG.',
      'Republik Korea, Korea, Südkorea; Japan-Japan; 2Japan; Japan2; µ and μ; Chinaχ China',
    ];
    const generated = Array.from({ length: 20 }, (_, i) => generatePolicy(i, documentRng(7, i)).text);
    for (const text of [...tricky, ...generated]) {
      expect(scanned(countries, text)).toEqual(exactMatches(countries.exact, text));
      expect(scanned(forms, text)).toEqual(exactMatches(forms.exact, text));
    }
  });

  it('scanNames returns exactly the matches of the alternation with its guards', () => {
    const names = longestFirst(['Google', 'Google Analytics', 'Zoom', 'zoom.us', 'Analytics', 'Hotjar', '😀Emoji Corp', 'AWS', 'Amazon Web Services', 'Mailchimp']);
    const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const exact = new RegExp(`(?<![\\p{L}\\d./@-])(?:${names.map(escape).join('|')})(?![\\p{L}\\d]|\\.[a-z])`, 'gu');
    const texts = [
      'Wir nutzen Google Analytics, Google-Fonts, GoogleAnalytics und www.google.com sowie Zoom (zoom.us) und zoom.usx.',
      'Amazon Web Services (AWS), AWS-Region, /AWS, AWS.de, AWS.De, 3AWS, AWS3; 😀Emoji Corp and 𝐀Google; Mailchimp. Hotjar@x, x@Hotjar',
      ...Array.from({ length: 10 }, (_, i) => generatePolicy(i, documentRng(3, i)).text),
    ];
    for (const text of texts) {
      const found = scanNames(text, names, /(?<![\p{L}\d./@-])/uy, /(?![\p{L}\d]|\.[a-z])/uy).map((m) => [m.index, m.name]);
      expect(found).toEqual(exactMatches(exact, text));
    }
  });
});
