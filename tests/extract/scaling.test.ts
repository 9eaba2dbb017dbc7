// Extraction time grows linearly with hostile input: for each shape, eight times the text may
// take at most ~20 times as long (generous for a loaded CI machine; quadratic growth gives ~64),
// and never more than a ceiling. These are the shapes that were quadratic or worse before.
import { describe, expect, it } from 'vitest';
import { extractPolicy } from '../../src/extract/index.js';

const HEAD = 'Datenschutzerklärung\nVerantwortlicher ist die Beispiel GmbH. Wir verarbeiten personenbezogene Daten nach der DSGVO.\n';
const fill = (unit: (i: number) => string, bytes: number) => {
  const parts = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  return parts.join('');
};
const SHAPES: Record<string, (i: number) => string> = {
  'runs of a legal form': () => 'Inc. ',
  'thousands of companies on one line': (i) => `Firma ${i} GmbH, `,
  'a company with an address and a destination per line': (i) => `Die Daten gehen an Firma${i} GmbH, Musterstraße ${i}, 10115 Berlin, USA.\n`,
  'thousands of headings': (i) => `\n${i}. Überschrift Acme${i % 50} Inc\nText über Acme Inc. in den USA.\n`,
  'a list of countries': (i) => ['USA', 'Kanada', 'Japan', 'Indien', 'Singapur'][i % 5] + ', ',
  'parent cues': (i) => `Acme${i} Inc. übermittelt an die Muttergesellschaft Beta${i} Ltd. `,
  'sub-processor cues': (i) => `Acme${i} Inc. setzt Unterauftragnehmer ein, z. B. Gamma${i} LLC. `,
};

const time = (text: string) => {
  const t0 = performance.now();
  extractPolicy(text);
  return performance.now() - t0;
};

describe('extraction scales linearly on hostile input', () => {
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(name, () => {
      time(fill(unit, 20_000)); // warm-up
      const small = Math.max(time(fill(unit, 50_000)), 20); // below 20 ms the ratio is noise
      const large = time(fill(unit, 400_000));
      expect(large / small, `${name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(20);
      expect(large).toBeLessThan(20_000);
    });
  }
});
