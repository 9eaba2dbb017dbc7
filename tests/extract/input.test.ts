import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractPolicy, ExtractError } from '../../src/extract/index.js';
import { MAX_INPUT_BYTES } from '../../src/extract/decode.js';
import { findOrganizations } from '../../src/extract/organizations.js';
import { segment } from '../../src/extract/segment.js';
import { findCountries } from '../../src/extract/countryMentions.js';

const POLICY = 'Datenschutzerklärung\n\nVerantwortlicher ist die Süßwaren Müller GmbH, Gartenstraße 3, 50667 Köln.\n\nHosting\n\nAnbieter ist die Wolkenhaus GmbH, Hafenweg 1, 20457 Hamburg. Wir haben einen Vertrag über Auftragsverarbeitung geschlossen.';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ExtractError).code;
  }
  return 'none';
};

describe('input handling', () => {
  it('refuses empty, binary, oversized and non-policy input with a code', () => {
    expect(code(() => extractPolicy('   \n '))).toBe('EMPTY');
    expect(code(() => extractPolicy(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])))).toBe('BINARY');
    expect(code(() => extractPolicy('a'.repeat(MAX_INPUT_BYTES + 1)))).toBe('TOO_LARGE');
    expect(code(() => extractPolicy('Rezept: Mehl, Zucker und Eier verrühren. Backen bei 180 Grad.'))).toBe('NOT_A_POLICY');
    // one privacy word twice is not a policy: a shopping list that mentions a privacy screen
    expect(code(() => extractPolicy('Einkaufsliste: Milch, Brot, Datenschutzfolie fürs Handy, Äpfel.\nNicht vergessen: Datenschutzfolie, Kaffee, Butter.'))).toBe('NOT_A_POLICY');
  });

  it('reads Windows-1252 bytes as well as UTF-8', () => {
    const g = extractPolicy(iconv.encode(POLICY, 'win1252'));
    expect(g.controller.name).toBe('Süßwaren Müller GmbH');
    expect(g.recipients.map((r) => r.name)).toEqual(['Wolkenhaus GmbH']);
  });

  it('strips markup, scripts and navigation from HTML', () => {
    const html = `<html><head><script>var Tracker = "Evil Corp Inc.";</script></head><body><nav>Start | Kontakt</nav>
      <h1>Datenschutzerklärung</h1><p>Verantwortlicher ist die Süßwaren Müller GmbH, Gartenstraße 3, 50667 Köln.</p>
      <h2>Hosting</h2><p>Anbieter ist die Wolkenhaus&nbsp;GmbH, Hafenweg 1, 20457 Hamburg. Wir haben einen Vertrag über Auftragsverarbeitung geschlossen.</p></body></html>`;
    const g = extractPolicy(html);
    expect(g.text).not.toContain('Evil Corp');
    expect(g.text).not.toContain('Kontakt');
    expect(g.recipients.map((r) => [r.name, r.role])).toEqual([['Wolkenhaus GmbH', 'processor']]);
    expect(g.recipients[0].roleEvidence?.section).toBe('Hosting');
  });

  it('keeps an HTML list a list: the items a role introduction heads share its role', () => {
    const html = `<html><body><h1>Datenschutz</h1><p>Verantwortlicher ist die Süßwaren Müller GmbH, Gartenstraße 3, 50667 Köln.</p>
      <h2>Dienstleister</h2><p>Wir arbeiten mit folgenden Auftragsverarbeitern zusammen:</p>
      <ul><li><b>Hosting:</b> Wolkenhaus GmbH, Hafenweg 1, 20457 Hamburg</li>
      <li><b>Versand:</b> Relaymail, Inc., Denver, CO 80202, USA. Die Übermittlung in die USA stützt sich auf Standardvertragsklauseln.</li>
      <li><b>Buchhaltung:</b> Zählwerk GmbH, Domplatz 2, 50667 Köln</li></ul></body></html>`;
    const g = extractPolicy(html);
    expect(g.recipients.map((r) => [r.name, r.role, r.transfers.map((t) => t.country)])).toEqual([
      ['Wolkenhaus GmbH', 'processor', []],
      ['Relaymail, Inc.', 'processor', ['US']],
      ['Zählwerk GmbH', 'processor', []],
    ]);
  });

  it('reads an HTML table row as one line: each processor keeps its own seat and safeguard', () => {
    const html = `<html><body><h1>Datenschutz</h1><p>Verantwortlicher ist die Süßwaren Müller GmbH, Gartenstraße 3, 50667 Köln.</p>
      <h2>Dienstleister</h2><p>Wir setzen folgende Auftragsverarbeiter ein:</p>
      <table><tr><th>Firma</th><th>Zweck</th><th>Sitz</th><th>Garantie</th></tr>
      <tr><td>Wolkenhaus GmbH</td><td>Hosting</td><td>Deutschland</td><td>–</td></tr>
      <tr><td>Relaymail, Inc.</td><td>Versand</td><td>USA</td><td>Standardvertragsklauseln</td></tr></table></body></html>`;
    const g = extractPolicy(html);
    expect(g.text).toContain('| Relaymail, Inc. | Versand | USA | Standardvertragsklauseln');
    expect(g.recipients.map((r) => [r.name, r.role, r.transfers.map((t) => [t.country, t.mechanisms])])).toEqual([
      ['Wolkenhaus GmbH', 'processor', []],
      ['Relaymail, Inc.', 'processor', [['US', ['SCC']]]],
    ]);
  });

  it('gives evidence offsets that point at the quoted sentence', () => {
    const g = extractPolicy(readFileSync(new URL('../../seed/002_e5cbb0971f0f1004.txt', import.meta.url)));
    for (const r of g.recipients) for (const e of r.mentions) expect(g.text.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe('no regular expression backtracks catastrophically', () => {
  // adversarial inputs: long runs that almost match names, legal forms, addresses and cues
  const attacks = [
    'A '.repeat(50_000) + 'GmbH',
    'Aa'.repeat(50_000),
    ('Zoom, ').repeat(20_000) + 'Inc',
    '('.repeat(30_000) + 'nachfolgend',
    ('12345 Ort, ').repeat(10_000),
    'Datenschutz ' + 'außerhalb der '.repeat(20_000),
    ('Sofern ' + 'x '.repeat(200)).repeat(200),
    'Server von ' + 'Aa '.repeat(40_000),
    ('Art. 6 Abs. 1 lit. ').repeat(20_000),
    ('\n' + 'Überschrift ohne Punkt').repeat(20_000),
  ];
  for (const [i, attack] of attacks.entries()) {
    it(`attack ${i} completes`, () => {
      const started = performance.now();
      findOrganizations(attack);
      findCountries(attack);
      segment(attack);
      try {
        extractPolicy('Datenschutzerklärung Verantwortlicher ' + attack);
      } catch (e) {
        expect(e).toBeInstanceOf(ExtractError);
      }
      // a guard against exponential blow-up, far above the linear cost of these inputs
      expect(performance.now() - started).toBeLessThan(20_000);
    });
  }
});
