import { describe, expect, it } from 'vitest';
import { findOrganizations } from '../../src/extract/organizations.js';

const names = (text: string) => findOrganizations(text).map((o) => o.name);

// Sentences written for these tests: each names the spans the walk left from the legal form must give.
const CASES: [string, string, string[]][] = [
  // what precedes a name and is not part of it
  ['an adjective of origin and a head noun', 'Wir nutzen das US-amerikanische Unternehmen Blue Harbor Inc. für Analysen.', ['Blue Harbor Inc.']],
  ['a compound head noun in the genitive', 'Der Versand läuft über die Plattform des US-Anbieters Paper Crane Group, LLC aus Atlanta.', ['Paper Crane Group, LLC']],
  ['a subsidiary compound', 'Anbieter ist die Kiwi Code, Inc. und deren Tochterunternehmen Kiwi Code BV in Amsterdam.', ['Kiwi Code, Inc.', 'Kiwi Code BV']],
  ['a parent compound in the genitive', 'Daten gehen an einen Server des Mutterkonzerns Lantern Social Inc. in Kalifornien.', ['Lantern Social Inc.']],
  ['the bare head noun', 'Betreiber ist das Unternehmen Fjord Analytics Limited mit Sitz in Dublin.', ['Fjord Analytics Limited']],
  ['a sister-company compound', 'Die Daten verarbeitet auch die Schwestergesellschaft Morgenrot Services GmbH.', ['Morgenrot Services GmbH']],
  ['a role noun: service provider', 'Zahlungen wickelt unser Zahlungsdienstleister Münzfluss AG ab.', ['Münzfluss AG']],
  ['an English head noun', 'We share it with our US subsidiary Quill Labs Inc. and the parent company Quill Holdings Ltd.', ['Quill Labs Inc.', 'Quill Holdings Ltd.']],
  ['a verb between a brand and the name (English)', 'For e-mail, Postwind engages Lattice Cloud Services, Inc. as its sub-processor.', ['Lattice Cloud Services, Inc.']],
  ['a verb between a brand and the name (German)', 'Für den Versand verwendet Postwind die Lattice Cloud EMEA Limited, Irland.', ['Lattice Cloud EMEA Limited']],
  ['a verb right before the name', 'Der Dienst Postwind nutzt Lattice Cloud GmbH als Hoster.', ['Lattice Cloud GmbH']],
  ['lower-case words of the name itself', 'Die Tiere vorm Haus UG (haftungsbeschränkt) und der Bund freier Imker e.V. verarbeiten nichts.', ['Tiere vorm Haus UG (haftungsbeschränkt)', 'Bund freier Imker e.V.']],
  ['a lower-case adjective before the name', 'Übermittelt wird an die irische Nimbus Ireland Limited.', ['Nimbus Ireland Limited']],
  // sentence ends
  ['a citation ends its sentence', 'Die Verarbeitung erfolgt nach Art. 28 DSGVO. Orbit Deploy Inc. ist unser Hoster.', ['Orbit Deploy Inc.']],
  ['a country ends its sentence', 'Server stehen in den USA. Pebble Search LLC ist zertifiziert.', ['Pebble Search LLC']],
  ['a heading number is no part of the name', '4.1. Tinkerbox GmbH', ['Tinkerbox GmbH']],
  ['a list marker is no part of the name', 'b) Wolkenwerk GmbH', ['Wolkenwerk GmbH']],
  ['an abbreviation does not end the sentence', 'Gesendet an St. Peter Druck GmbH in Köln.', ['St. Peter Druck GmbH']],
  ['an acronym form keeps no sentence period', 'Daten gehen an die Server der Pebble Search LLC. in den USA.', ['Pebble Search LLC']],
  // two entities
  ['a slash between two complete entities', 'Die KI-Funktionen stammen von Cortex Minds PBC / Synapse Works L.L.C. aus San Francisco.', ['Cortex Minds PBC', 'Synapse Works L.L.C.']],
  ['a slash after a brand stays in the name', 'Anbieter ist die Leuchtturm / Wave.Net GmbH in Bremen.', ['Leuchtturm / Wave.Net GmbH']],
  ['"und" between two entities', 'Empfänger sind die Eichhorn Logistik GmbH und Falke Transport AG.', ['Eichhorn Logistik GmbH', 'Falke Transport AG']],
  ['"sowie" between two entities', 'Wir setzen die Linde IT GmbH sowie die Birke Cloud SE ein.', ['Linde IT GmbH', 'Birke Cloud SE']],
  // real multi-word names
  ['a comma before the form', 'Gehostet bei Seven Stones Holdings, Inc. in Texas.', ['Seven Stones Holdings, Inc.']],
  ['a reduplicated preposition and a dash', 'Die App betreibt die Hand in Hand – Lernlabor gGmbH in Augsburg.', ['Hand in Hand – Lernlabor gGmbH']],
  ['an organization word governing "für"', 'Mitglied ist die Gesellschaft für Wolkenkunde e.V. aus Kiel.', ['Gesellschaft für Wolkenkunde e.V.']],
  ['a head noun right before the form is the name', 'Spenden verwaltet die Sternwarte Fördergesellschaft mbH.', ['Sternwarte Fördergesellschaft mbH']],
  ['an English "The" inside a sentence starts the name', 'Newsletters are sent by The Paper Crane Group LLC on our behalf. The Quill Labs Inc. is not used.', ['The Paper Crane Group LLC', 'Quill Labs Inc.']],
  ['a legal form that is a word of the name', 'Statistics run on SAS Institute Inc. software.', ['SAS Institute Inc.']],
  ['a participle is not a lower-case brand', 'Daten erhält die neu gegründete GmbH und die entsprechende AG.', []],
  ['"an" after an organization word is the sentence\'s', 'Mitgliedsdaten übermittelt der Verein an Eichhorn Logistik GmbH.', ['Eichhorn Logistik GmbH']],
  ['"of" joins a name', 'Our controller is Friends of Lindenau GbR in Leipzig.', ['Friends of Lindenau GbR']],
  ['a lower-case name and form', 'Gehostet bei Serverhaus GmbH Deutschland, tannenblau gmbh Österreich.', ['Serverhaus GmbH', 'tannenblau gmbh']],
  
  ['a lower-case name and a lower-case form', 'betreiber ist die pixel digital gmbh in wien.', ['pixel digital gmbh']],
  ['a lower-case name before a capitalised form is none', 'Verantwortlich ist die kleeblatt GmbH.', []],
  ['a form that begins a compound word is none', 'Die Acme GmbH hält GmbH-Anteile und schließt AG-Verträge.', ['Acme GmbH']],
  ['a domain-like name', 'Kunde der fernweh.io Germany GmbH.', ['fernweh.io Germany GmbH']],
  ['a compound legal form of two forms', 'Rechnungen sendet die PayLoop (Europe) S.à r.l. et Cie, S.C.A. aus Luxemburg.', ['PayLoop (Europe) S.à r.l. et Cie, S.C.A.']],
  ['a partnership of two forms', 'Gebaut von der Ahorn Bau AG & Co. KG und der Ulme Holz Ltd. & Co. KG.', ['Ahorn Bau AG & Co. KG', 'Ulme Holz Ltd. & Co. KG']],
  ['a genitive that ends the line is part of the name', 'Auftragsverarbeiter:\nDatenwerk GmbH des Landes\nHauptweg 1', ['Datenwerk GmbH des Landes']],
  ['a genitive naming another entity is not', 'eine Tochter der Nimbus Ireland Limited der Nimbus LLC, mit Sitz in Dublin', ['Nimbus Ireland Limited', 'Nimbus LLC']],
  ['"Partner" after an article is the sentence\'s, inside an English name it is the name\'s', 'Über unseren Partner Kranich Consulting GmbH und die Heron Partners Europe Ltd.', ['Kranich Consulting GmbH', 'Heron Partners Europe Ltd.']],
  ['a brand, a dash and the company that starts with it', 'Zoomio – Zoomio Video Systems, Inc. stellt die Software bereit.', ['Zoomio Video Systems, Inc.']],
  ['a spaced abbreviation before the name', 'Wir nutzen Tools, z. B. Wolkenwerk GmbH, u.a. Eichhorn Logistik GmbH.', ['Wolkenwerk GmbH', 'Eichhorn Logistik GmbH']],
  ['a compound ending in a family relation', 'Die Daten liegen bei der US-Tochter Nimbus Cloud Inc. und dem Subunternehmer Falke Bau GmbH.', ['Nimbus Cloud Inc.', 'Falke Bau GmbH']],
  ['"Unternehmer" alone is a word of the name', 'Partner ist die Unternehmer Hafen GmbH.', ['Unternehmer Hafen GmbH']],
  ['an Austrian registered sole trader', 'Webdesign: Pixelhof e.U., Graz.', ['Pixelhof e.U.']],
  ['a non-profit UG', 'Träger ist die Lernwerk gUG (haftungsbeschränkt).', ['Lernwerk gUG (haftungsbeschränkt)']],
  ['a colon without a space', 'Anbieter:Kranich Paket GmbH', ['Kranich Paket GmbH']],
  ['a quoted name', 'Anbieter ist die „Sonnenblick Media GmbH“.', ['Sonnenblick Media GmbH']],
];

describe('findOrganizations: the name left of a legal form', () => {
  for (const [what, text, want] of CASES) {
    it(what, () => expect(names(text)).toEqual(want));
  }

  it('finds nothing where no name precedes the form', () => {
    expect(names('Die Haftung einer GmbH ist beschränkt.')).toEqual([]);
    expect(names('Wir kaufen bei einer deutschen GmbH ein.')).toEqual([]);
    expect(names('Daten an Wolkenwerk GmbH.')).toEqual(['Wolkenwerk GmbH']);
  });

  it('gives offsets that point at the name', () => {
    const text = 'Vorab. Der Dienst der Tinkerbox GmbH, Weg 1, ist sicher.';
    for (const o of findOrganizations(text)) expect(text.slice(o.start, o.end)).toBe(o.name);
  });

  it('stays linear on long tokens of hyphens, dots and lower-case letters', () => {
    const started = performance.now();
    for (const unit of ['a-', 'a.', 'Aa', 'isch', 'x-tochter']) findOrganizations((unit.repeat(40_000) + ' GmbH ').repeat(20));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('walks a bounded window on long lines', () => {
    const text = 'Wort '.repeat(100_000) + 'Tinkerbox GmbH';
    const started = performance.now();
    expect(names(text)).toEqual(['Wort Wort Wort Wort Wort Wort Tinkerbox GmbH']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
