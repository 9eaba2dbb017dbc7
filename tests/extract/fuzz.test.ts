// A bounded fuzz of the extractor: random and mutated policy-like inputs (seeded, so a failure
// reproduces) must each finish quickly and either throw an ExtractError or give a graph whose
// evidence points at its quotes and whose controller is not among its recipients.
import { describe, expect, it } from 'vitest';
import { extractPolicy, ExtractError } from '../../src/extract/index.js';
import { Rng } from '../../src/corpus/random.js';


const TOKENS = [
  'Datenschutzerklärung', 'Verantwortlicher', 'ist', 'die', 'der', 'GmbH', 'Inc.', 'Ltd', 'e.V.', 'UG (haftungsbeschränkt)', 'LLC', 'AG & Co. KG',
  'Acme', 'Zoom', 'Google', 'Microsoft Teams', 'Hetzner', 'Matomo', 'PayPal', 'Foundation', 'Stiftung', 'Anbieter ist', 'provided by',
  'USA', 'Vereinigte Staaten', 'Kanada', 'Drittland', 'außerhalb der EU', 'Standardvertragsklauseln', 'Data Privacy Framework', 'Privacy Shield',
  'Binding Corporate Rules', 'Art. 28 DSGVO', 'Art. 26 DSGVO', 'Art. 49 Abs. 1 lit. a DSGVO', 'Angemessenheitsbeschluss', 'können', 'nicht',
  'Muttergesellschaft', 'Tochtergesellschaft', 'Unterauftragnehmer', 'Servern von', 'auf eigenen Servern', 'selbst gehostet', 'personenbezogene Daten',
  'Hauptstraße 1', '10115 Berlin', 'CA 94107', 'Deutschland', '(nachfolgend „X“)', 'z. B.', 'https://example.com/a/b', 'info@example.com',
  '.', ',', ':', ';', '/', '–', '(', ')', '„', '“', '\n', '\n\n', '1.', '4.1.', '##', '-', '*', '§ 3', '³', 'ß', 'İ', '\u200b', '😀', '\t',
];

function policyLike(next: () => number): string {
  const n = 20 + Math.floor(next() * 2500);
  const out: string[] = ['Datenschutzerklärung\n\n'];
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.85) out.push(TOKENS[Math.floor(next() * TOKENS.length)]);
    else if (r < 0.95) out.push(String.fromCharCode(32 + Math.floor(next() * 0x2fff)));
    else out.push(TOKENS[Math.floor(next() * TOKENS.length)].repeat(1 + Math.floor(next() * 40)));
    out.push(next() < 0.8 ? ' ' : '');
  }
  return out.join('');
}

describe('fuzzed input', () => {
  it('finishes each of 150 inputs in time, with a typed error or a consistent graph', () => {
    const random = new Rng(20261201);
    const next = () => random.next();
    for (let k = 0; k < 150; k++) {
      const text = policyLike(next);
      const t0 = performance.now();
      let graph;
      try {
        graph = extractPolicy(text, { doc: `fuzz-${k}` });
      } catch (e) {
        expect(e, `input ${k}: ${(e as Error).message}`).toBeInstanceOf(ExtractError);
        continue;
      } finally {
        expect(performance.now() - t0, `input ${k} took too long`).toBeLessThan(3_000);
      }
      for (const r of graph.recipients) {
        expect(r.name, `input ${k}`).not.toBe(graph.controller.name);
        for (const e of [...r.mentions, ...r.transfers.flatMap((t) => t.evidence)]) expect(graph.text.slice(e.start, e.end)).toBe(e.quote);
      }
    }
  });
});
