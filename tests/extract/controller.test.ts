import { describe, expect, it } from 'vitest';
import { countryOfAddress, itemKind, parseBlock, type Item } from '../../src/extract/addressBlock.js';
import { findController } from '../../src/extract/controller.js';
import { findOrganizations } from '../../src/extract/organizations.js';
import { segment } from '../../src/extract/segment.js';
import type { Evidence } from '../../src/extract/types.js';

const lines = (...ls: string[]): Item[] => ls.map((text, i) => ({ text, start: i * 100, newLine: true }));
const controllerOf = (text: string) => {
  const seg = segment(text);
  const evidence = (i: number): Evidence => ({ section: null, start: seg.sentences[i].start, end: seg.sentences[i].end, quote: seg.sentences[i].text });
  return findController(text, seg, findOrganizations(text), evidence);
};

describe('address block items', () => {
  it('tells streets from names', () => {
    for (const street of ['Hindenburgstr. 12', 'Auf dem Paß 10', 'Tempelhofer Ufer 23-24', 'Dorfanger 6', '117er Ehrenhof 5', '100 Main Street', '1600 Amphitheatre Pkwy', 'Am Markt 3a'])
      expect(itemKind(street), street).toBe('street');
    for (const name of ['Max Beispiel', 'Kanal 8 GmbH', 'Beispiel Software', 'Universitätsmedizin', 'chaos.example e.V.', 'Max Beispiel / Beispiel Software'])
      expect(itemKind(name), name).toBe('text');
  });

  it('knows postcodes, countries, c/o, Postfach, contacts, representatives and register lines', () => {
    expect(itemKind('12345 Musterstadt')).toBe('postcode');
    expect(itemKind('D-12345 Musterstadt')).toBe('postcode');
    expect(itemKind('CH-8000 Zürich')).toBe('postcode');
    expect(itemKind('1015 AB Amsterdam')).toBe('postcode');
    expect(itemKind('Springfield, IL 62701')).toBe('postcode');
    expect(itemKind('Leeds LS1 4AB')).toBe('postcode');
    expect(itemKind('Deutschland')).toBe('country');
    expect(itemKind('c/o Coworking Nord')).toBe('co');
    expect(itemKind('Postfach 10 20 30')).toBe('pobox');
    expect(itemKind('E-Mail: info@example.org')).toBe('contact');
    expect(itemKind('+49 30 1234567')).toBe('contact');
    expect(itemKind('Vertreten durch den Vorstand')).toBe('represent');
    expect(itemKind('Represented by:')).toBe('represent');
    expect(itemKind('Inh. Erika Beispiel')).toBe('represent');
    expect(itemKind('Registergericht: Amtsgericht Musterstadt')).toBe('register');
  });
});

describe('parseBlock', () => {
  it('joins a name over two lines and keeps the address apart', () => {
    const b = parseBlock(lines('Klinikum', 'der Beispiel-Universität', 'Klinikweg 1', '12345 Musterstadt', 'Tel. 0123 4567'));
    expect(b?.name).toBe('Klinikum der Beispiel-Universität');
    expect(b?.address).toEqual(['Klinikweg 1', '12345 Musterstadt']);
  });

  it('skips the representative after "vertreten durch" and the c/o line', () => {
    expect(parseBlock(lines('Beispiel Verein e.V.', 'vertreten durch den Vorstand Erika Muster', 'c/o Erika Muster', 'Hauptstr. 1', '12345 Ort'))?.name).toBe('Beispiel Verein e.V.');
    expect(parseBlock(lines('Beispiel Initiative', 'Represented by:', 'Max Muster', 'Hauptstr. 1', '12345 Ort'))?.name).toBe('Beispiel Initiative');
  });

  it('joins comma parts of one line, a bare legal form included', () => {
    const items: Item[] = [
      { text: 'Beispiel Labs', start: 0, newLine: true },
      { text: 'Inc.', start: 15, newLine: false },
      { text: '1 Example Road', start: 21, newLine: false },
    ];
    expect(parseBlock(items)?.name).toBe('Beispiel Labs, Inc.');
  });

  it('has no name where the block starts with the address', () => {
    expect(parseBlock(lines('Hauptstr. 1', '12345 Ort'))).toBeNull();
  });

  it('ends the block at the first text after the address', () => {
    const b = parseBlock(lines('Muster GmbH', 'Hauptstr. 1', '12345 Ort', 'Ein Datenschutzbeauftragter ist nicht bestellt.'));
    expect(b?.items.some((i) => /Datenschutzbeauftragter/.test(i))).toBe(false);
  });
});

describe('countryOfAddress', () => {
  it('reads the country from a country line, a prefix, the postcode, the domain', () => {
    expect(countryOfAddress(['Hauptstr. 1', '4600 Olten', 'Schweiz'], '')).toBe('CH');
    expect(countryOfAddress(['A-1010 Wien'], '')).toBe('AT');
    expect(countryOfAddress(['12345 Ort'], '')).toBe('DE');
    expect(countryOfAddress(['8000 Zürich'], 'info@beispiel.ch')).toBe('CH');
    expect(countryOfAddress(['8000 Ort'], '')).toBeNull();
    expect(countryOfAddress(['Springfield, IL 62701'], '')).toBe('US');
    expect(countryOfAddress(['10437 Berlin, Germany'], '')).toBe('DE');
  });
});

describe('findController', () => {
  it('prefers the controller statement over an operator sentence', () => {
    const c = controllerOf('Datenschutz\n\nBetreiber dieser Website ist die Webagentur Blau GmbH.\n\nVerantwortlicher im Sinne der DSGVO ist der Beispielverein Nord e.V., Hauptstr. 1, 12345 Ort.\n\nDatenschutz ist wichtig.');
    expect(c.name).toBe('Beispielverein Nord e.V.');
    expect(c.country).toBe('DE');
    expect(c.address).toBe('Hauptstr. 1, 12345 Ort');
  });

  it('reads the statement when a contact label follows it on the same line', () => {
    // "Verantwortlich … E-Mail:" looks like a label whose value ("info@…") names nobody
    const c = controllerOf('Datenschutz\n\nVerantwortlich für die Datenverarbeitung ist die Kranich Logistik GmbH, Teichweg 3, 12345 Ort. E-Mail: post@example.org\n\nHosting\nWir hosten bei der Serverhaus AG.');
    expect(c.name).toBe('Kranich Logistik GmbH');
    expect(c.address).toBe('Teichweg 3, 12345 Ort');
  });

  it('reads a name that comes first: its aliases in one parenthesis, or its address before "is the controller"', () => {
    const quoted = controllerOf('Privacy Policy\n\nFernwood Studio Ltd ("Fernwood", "we" or "us") runs this site. We process personal data as described below.');
    expect(quoted.name).toBe('Fernwood Studio Ltd');
    const addressed = controllerOf('Privacy Policy\n\nFernwood Studio Ltd, 4 Mill Lane, Leeds LS1 4AB, United Kingdom, is the controller of your personal data.\n\nWe use a host.');
    expect(addressed.name).toBe('Fernwood Studio Ltd');
    expect(addressed.country).toBe('GB');
    const described = controllerOf('Privacy Notice\n\nThis notice explains how Fernwood Studio Ltd, a company registered in England and Wales (company no. 01234567) with its registered office at 4 Mill Lane, Leeds LS1 4AB, United Kingdom ("Fernwood", "we"), uses personal data.');
    expect(described.name).toBe('Fernwood Studio Ltd');
    // a vendor that stays responsible for its own processing is still not this policy's controller
    expect(controllerOf('Privacy Policy\n\nWe embed maps. Kartendienst Nord GmbH, Hafenstr. 1, 20457 Hamburg, is not the controller for our site.').name).toBeNull();
  });

  it('turns a weakly inflected leading adjective after "das" into the name', () => {
    expect(controllerOf('Verantwortlich ist das Sächsische Landesamt für Beispiele, Hauptstr. 1, 01067 Dresden.').name).toBe('Sächsisches Landesamt für Beispiele');
  });

  it('takes the brand of the own e-mail domain only as written in the text', () => {
    expect(controllerOf('Privacy\n\nkiwi.note Notes App\n\nWe store your notes. Write to hello[at]kiwinote.io with questions about your personal data.').name).toBe('kiwi.note');
    expect(controllerOf('Privacy\n\nNotes App\n\nWrite to someone@gmail.com with questions about your personal data.').name).toBeNull();
  });

  it('reads adversarial lines in linear time', () => {
    const attacks = [
      'Verantwortlicher ' + 'Art. 6 Abs. 1 lit. '.repeat(20_000),
      'Verantwortlicher '.repeat(20_000),
      'Verantwortlich für die ' + 'a, '.repeat(50_000) + 'ist:',
      'The controller ' + 'is the '.repeat(20_000),
      ('Hauptstraße ' + 'Weg '.repeat(5)).repeat(10_000) + '1',
      'x'.repeat(200_000) + '@',
      'b.'.repeat(100_000) + ' info@bbbb.de',
      ('\nVerantwortlicher:\n' + 'Name '.repeat(20)).repeat(5_000),
    ];
    for (const a of attacks) {
      const started = performance.now();
      controllerOf(a);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });
});

describe('international blocks', () => {
  it('keeps a US city with its state and ZIP in the address', () => {
    const b = parseBlock(lines('Beispiel Apps Inc.', '123 Main St.', 'San Francisco, CA 94105', 'USA').flatMap((it) =>
      it.text.split(', ').map((text, k) => ({ text, start: it.start + k * 20, newLine: k === 0 }))));
    expect(b?.name).toBe('Beispiel Apps Inc.');
    expect(countryOfAddress(b!.address, b!.items.join('\n'))).toBe('US');
  });
});
