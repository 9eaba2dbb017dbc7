import { describe, expect, it } from 'vitest';
import { segment } from '../../src/extract/segment.js';

const headings = (text: string) => segment(text).sections.slice(1).map((s) => s.heading);

describe('segment: headings', () => {
  it('keeps a numbered heading whole, as one sentence', () => {
    const seg = segment('4. Dienste\n\n4.1.1. Clipstream\n\nWir binden Videos ein.');
    expect(headings('4. Dienste\n\n4.1.1. Clipstream\n\nWir binden Videos ein.')).toEqual(['4. Dienste', '4.1.1. Clipstream']);
    const h = seg.sentences.find((s) => s.text.includes('Clipstream'))!;
    expect(h.text).toBe('4.1.1. Clipstream');
    expect(h.heading).toBe(true);
  });

  it('reads "7.2 - Title", a lower-case title after a number, markdown and bold titles', () => {
    const text = '7. Dienste\n\n7.2 - Umfragen\n\nText folgt hier.\n\n7.3. webnest\n\nText folgt hier.\n\n8) Rechte\n\nText folgt hier.\n\n## Hosting\n\nText folgt hier.\n\n**Kontakt**\n\nText folgt hier.';
    expect(headings(text)).toEqual(['7. Dienste', '7.2 - Umfragen', '7.3. webnest', '8) Rechte', 'Hosting', 'Kontakt']);
    expect(segment(text).sections.find((s) => s.heading === '8) Rechte')).toMatchObject({ number: '8', level: 1, parent: 0 });
  });

  it('takes an unnumbered lower-case title only between blank lines over prose', () => {
    expect(headings('Intro text here.\n\nnewsletter tool\n\nWir versenden unseren Newsletter mit einem externen Dienst an alle Abonnenten.')).toEqual(['newsletter tool']);
    expect(headings('Folgende Daten:\nname\nemail\n\nEnde des Textes hier.')).toEqual([]);
    expect(headings('Mehr dazu.\n\nwww.anbieter.example\n\nDie Daten werden auf Servern des Anbieters in Irland gespeichert und verarbeitet.')).toEqual([]);
  });

  it('builds the tree: sub-sections under their number, unnumbered titles under the last numbered one', () => {
    const seg = segment('3. Hosting\n\nText.\n\n3.1 Serverpark\n\nText.\n\nRechtsgrundlage\n\nText.\n\n4. Kontakt\n\nText.');
    const byTitle = new Map(seg.sections.map((s, i) => [s.heading, i]));
    const parentOf = (t: string) => seg.sections[seg.sections[byTitle.get(t)!].parent].heading;
    expect(parentOf('3.1 Serverpark')).toBe('3. Hosting');
    expect(parentOf('Rechtsgrundlage')).toBe('3.1 Serverpark');
    expect(parentOf('4. Kontakt')).toBe('');
  });

  it('reads the lines after a "…:" introduction as list items, not headings', () => {
    const seg = segment('Hosting\n\nWir setzen folgenden Hoster ein:\n\nBeispiel Host GmbH\nMusterweg 3\n12345 Musterstadt\n\nLegal basis\n\nText folgt hier.');
    expect(seg.sections.slice(1).map((s) => s.heading)).toEqual(['Hosting', 'Legal basis']);
    expect(seg.sentences.find((s) => s.text === 'Beispiel Host GmbH')?.item).toBe(true);
  });

  it('does not take address lines for headings ("10 Main Street", "Industriestr. 25")', () => {
    expect(headings('Anbieter\n\nNimbus Web Inc.\n10 Market Street\nSan Francisco, CA 94105\nUSA\n\nMehr Text hier.')).toEqual(['Anbieter']);
    expect(headings('Hosting\n\nHoster GmbH\nIndustriestr. 25\n91710 Gunzenhausen\n\nMehr Text hier.')).toEqual(['Hosting']);
  });

  it('keeps a street abbreviated inside a sentence with its number ("Mühlenstr. 7"), and ends a sentence at "str." before a capital', () => {
    const texts = segment('Unser Hoster ist die Wolkenbank GmbH, Mühlenstr. 7, 12345 Ort. Sie speichert Daten. Wir wohnen in der Lindenstr. Dort ist es ruhig.').sentences.map((s) => s.text);
    expect(texts).toEqual(['Unser Hoster ist die Wolkenbank GmbH, Mühlenstr. 7, 12345 Ort.', 'Sie speichert Daten.', 'Wir wohnen in der Lindenstr.', 'Dort ist es ruhig.']);
  });

  it('a "Title:" over prose is a heading, over short lines a list introduction', () => {
    expect(headings('Hosting:\nWir hosten die Seite bei einem externen Anbieter in Deutschland und haben einen Vertrag.')).toEqual(['Hosting']);
    expect(headings('Erhobene Daten:\nIP-Adresse\nBrowser\n\nText folgt hier.')).toEqual([]);
  });
});

describe('segment: adversarial input stays linear', () => {
  const attacks = [
    '## '.repeat(50_000),
    ('1.').repeat(50_000) + ' x',
    ('Folgende:\n- a\n').repeat(20_000),
    ('12 Main Street\n').repeat(20_000),
    '**' + 'a'.repeat(100_000) + '**',
    ('7.2 - ').repeat(20_000),
    ('x\n\n').repeat(30_000),
  ];
  for (const [i, attack] of attacks.entries()) {
    it(`attack ${i}`, () => {
      const started = performance.now();
      segment(attack);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  }
});
