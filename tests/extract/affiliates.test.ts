import { describe, expect, it } from 'vitest';
import { collectSubprocessors, findAffiliations, groupKey } from '../../src/extract/affiliates.js';
import { findCountries } from '../../src/extract/countryMentions.js';
import { CHILD_CUE, GROUP_CUE, INFRASTRUCTURE_COMPOUND, INFRASTRUCTURE_NAME, INFRASTRUCTURE_OF, PARENT_CUE } from '../../src/extract/cues.js';
import { buildEntities } from '../../src/extract/entities.js';
import { findOrganizations } from '../../src/extract/organizations.js';
import { segment } from '../../src/extract/segment.js';
import type { Link } from '../../src/extract/types.js';

/** The stages before affiliates, run on a fragment: its entities (legal forms only) and their mentions. */
function stage(text: string) {
  const seg = segment(text);
  const { entities, orgMentions } = buildEntities(text, findOrganizations(text), findCountries(text), []);
  const mentions = [...orgMentions].sort((a, b) => a.start - b.start);
  const sentenceAt = (offset: number) => {
    let i = 0;
    while (i + 1 < seg.sentences.length && seg.sentences[i + 1].start <= offset) i++;
    return i;
  };
  const aff = findAffiliations(text, seg, entities, mentions, sentenceAt);
  const id = (name: string) => entities.findIndex((e) => e.name === name);
  const parentOf = (name: string) => aff.parents.get(id(name))?.name ?? null;
  const mentioned = (name: string) => aff.mentions.some((m) => m.entity === id(name));
  return { seg, entities, aff, id, parentOf, mentioned };
}

describe('parents', () => {
  it('reads "X ist eine Tochtergesellschaft der Y": Y is the parent, its mention speaks of X', () => {
    const { parentOf, mentioned } = stage('Anbieter ist die Kino LLC, 1 Main Street, Austin, TX 78701, USA. Die Kino LLC ist eine Tochtergesellschaft der Saal Holdings Inc.');
    expect(parentOf('Kino LLC')).toBe('Saal Holdings Inc.');
    expect(mentioned('Saal Holdings Inc.')).toBe(false);
  });

  it('reads "das Mutterunternehmen von X, die Y" with the child after the cue', () => {
    const { parentOf } = stage('Daten können an das Mutterunternehmen von Flink Germany GmbH, die Flink Global Inc., übermittelt werden.');
    expect(parentOf('Flink Germany GmbH')).toBe('Flink Global Inc.');
  });

  it('reads the group a company belongs to', () => {
    const { parentOf } = stage('Die Postina GmbH, Ludwigstraße 4, 80539 München, ist Teil der Brightwave-Gruppe.');
    expect(parentOf('Postina GmbH')).toBe('Brightwave');
  });

  it('gives an EU entity its non-EU namesake named in the same stretch of text', () => {
    const { parentOf, mentioned } = stage('Anbieter ist die Ticketly Ireland Ltd., 5 Dock Road, Dublin 2, Irland. Ihre Anfragen werden an Server der Ticketly Inc. in den USA übertragen.');
    expect(parentOf('Ticketly Ireland Ltd.')).toBe('Ticketly Inc.');
    expect(mentioned('Ticketly Inc.')).toBe(false);
  });

  it('keeps two companies of different groups apart', () => {
    const { parentOf, mentioned } = stage('Anbieter ist die Ticketly Ireland Ltd., 5 Dock Road, Dublin 2, Irland. Zahlungen wickelt die Paywise Inc., 1 Main Street, Austin, TX 78701, USA ab.');
    expect(parentOf('Ticketly Ireland Ltd.')).toBeNull();
    expect(mentioned('Paywise Inc.')).toBe(true);
  });

  it('does not make the controller\'s sister company a parent', () => {
    const { aff } = stage('Diese Website wird von unserem Schwesterunternehmen, der Nordsee IT GmbH, gehostet.');
    expect(aff.parents.size).toBe(0);
  });

  it('keeps two product lines of one first word apart where the catalog knows both', () => {
    const { parentOf, mentioned } = stage('Zahlungen wickelt die Amazon Payments Europe S.C.A., 38 Avenue John F. Kennedy, L-1855 Luxembourg, Luxemburg ab. Gehostet wird bei der Amazon Web Services, Inc., 410 Terry Avenue North, Seattle, WA 98109, USA.');
    expect(parentOf('Amazon Payments Europe S.C.A.')).toBeNull();
    expect(mentioned('Amazon Web Services, Inc.')).toBe(true);
  });

  it('groups by the first word of the name, else by catalog vendor', () => {
    const { entities } = stage('Wir nutzen die Global Data GmbH und die Kranich Software GmbH.');
    expect(entities.map(groupKey)).toEqual([null, 'kranich']);
  });
});

describe('sub-processors', () => {
  function subs(text: string): Map<string, string[]> {
    const { seg, entities, aff } = stage(text);
    const out = new Map<number, Link[]>();
    seg.sentences.forEach((s, i) => {
      const named = new Set(aff.mentions.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.entity));
      const block = new Set(aff.mentions.filter((m) => m.start < s.end).map((m) => m.entity));
      const targets = new Map([...(named.size ? named : block)].map((id) => [id, []]));
      const evidence = { section: null, start: s.start, end: s.end, quote: s.text };
      collectSubprocessors(seg, { targets, block, sentence: i }, entities, aff.all, aff.infrastructure.get(i) ?? [], evidence, out);
    });
    return new Map([...out].map(([id, links]) => [entities[id].name, links.map((l) => l.name)]));
  }

  it('reads another company\'s servers in a recipient\'s text', () => {
    expect(subs('Wir nutzen die Bookwise Software GmbH. Die Daten werden auf den Servern der Rackhaus Cloud AG gespeichert.').get('Bookwise Software GmbH')).toEqual(['Rackhaus Cloud AG']);
  });

  it('reads a catalog name glued to an infrastructure noun or after "hosted on"', () => {
    expect(subs('Wir nutzen die Stockly Systems Inc. Speicherort: AWS-Rechenzentrum, USA').get('Stockly Systems Inc.')).toEqual(['AWS']);
    expect(subs('We use Letterbox Labs Ltd. The service is hosted on Amazon Web Services in Frankfurt.').get('Letterbox Labs Ltd.')).toEqual(['Amazon Web Services']);
  });

  it('reads no sub-processor in a connection to the servers, the recipient\'s own servers or an unknown word', () => {
    expect(subs('Wir nutzen die Bookwise Software GmbH. Dabei wird eine Verbindung zu den Servern der Rackhaus Cloud AG hergestellt.').size).toBe(0);
    expect(subs('Wir nutzen die Hostwerk Online GmbH. Die Daten liegen auf den Servern der Hostwerk Online GmbH.').size).toBe(0);
    expect(subs('Wir nutzen die Hostwerk Online GmbH. Die Schriften liegen auf den Servern des Online Angebots.').size).toBe(0);
  });

  it('reads a list introduced as sub-contractors', () => {
    expect(subs('Empfänger ist die Druckerei Elbe GmbH. Sie setzt folgende Unterauftragnehmer ein: Kuvert Service GmbH und Papier Logistik AG.').get('Druckerei Elbe GmbH')).toEqual(['Kuvert Service GmbH', 'Papier Logistik AG']);
  });
});

describe('affiliate cues stay linear', () => {
  const inputs = [
    'Teil der ' + 'Aa-'.repeat(30_000) + 'x',
    'part of the ' + 'Aa '.repeat(30_000),
    'Servern von ' + 'Aa '.repeat(30_000),
    'A'.repeat(60_000) + '-Server',
    'Aa-'.repeat(30_000) + 'Rechenzentrum',
    'Tochtergesellschaft '.repeat(10_000),
    ('Servern von der ').repeat(10_000),
  ];
  for (const [i, input] of inputs.entries()) {
    it(`input ${i}`, () => {
      const started = performance.now();
      for (const re of [PARENT_CUE, CHILD_CUE, GROUP_CUE, INFRASTRUCTURE_OF]) re.exec(input);
      for (const re of [INFRASTRUCTURE_NAME, INFRASTRUCTURE_COMPOUND]) {
        re.lastIndex = 0;
        for (let n = 0; re.exec(input) && n < 100_000; n++);
      }
      expect(performance.now() - started).toBeLessThan(1_000);
    });
  }
});
