import { describe, expect, it } from 'vitest';
import { documentClassifier, type Destination, type SentenceFacts } from '../../src/extract/classify.js';
import { findCountries } from '../../src/extract/countryMentions.js';
import * as cues from '../../src/extract/cues.js';
import { segment } from '../../src/extract/segment.js';
import { applyPolicyWideClauses, decideTransfers, policyClauses, THIRD, type OwnFact } from '../../src/extract/transfers.js';
import type { Evidence, Mechanism, Recipient } from '../../src/extract/types.js';

const evidenceOf = (i: number): Evidence => ({ section: null, start: i * 100, end: i * 100 + 50, quote: `sentence ${i}` });
const dest = (country: string | null, mechanisms: Mechanism[] = [], possible = false, other = false): Destination => ({ country, mechanisms, possible, other });
const facts = (over: Partial<SentenceFacts>): SentenceFacts => ({
  roles: [],
  mechanisms: [],
  destinations: [],
  assertsTransfer: false,
  statesTransfer: false,
  negated: false,
  possible: false,
  privacyShield: false,
  euOnly: false,
  ...over,
});
const own = (...fs: SentenceFacts[]): OwnFact[] => fs.map((f, i) => ({ i, f, named: true }));
const subject = (seat: string | null) => ({ seat, addressCountries: new Set<number>() });
const brief = (ts: ReturnType<typeof decideTransfers>) => ts.map(({ country, mechanisms, certainty }) => ({ country, mechanisms, certainty }));

describe('decideTransfers', () => {
  it('records DPF without ADEQUACY on the US transfer, and keeps ADEQUACY on another destination', () => {
    const t = decideTransfers(
      subject('US'),
      own(
        facts({ mechanisms: ['DPF', 'ADEQUACY'], destinations: [dest('US', ['DPF', 'ADEQUACY'])], assertsTransfer: true, statesTransfer: true }),
        facts({ mechanisms: ['ADEQUACY'], destinations: [dest('GB', ['ADEQUACY'])], assertsTransfer: true, statesTransfer: true }),
      ),
      evidenceOf,
    );
    expect(brief(t)).toEqual([
      { country: 'US', mechanisms: ['DPF'], certainty: 'stated' },
      { country: 'GB', mechanisms: ['ADEQUACY'], certainty: 'stated' },
    ]);
  });

  it('a DPF certification alone is a possible US transfer; the Privacy Shield one without a mechanism', () => {
    expect(brief(decideTransfers(subject('US'), own(facts({ mechanisms: ['DPF'] })), evidenceOf))).toEqual([{ country: 'US', mechanisms: ['DPF'], certainty: 'possible' }]);
    expect(brief(decideTransfers(subject('US'), own(facts({ privacyShield: true })), evidenceOf))).toEqual([{ country: 'US', mechanisms: [], certainty: 'possible' }]);
  });

  it('reads the DPF participant id from the list page and from the search page (its id= parameter)', () => {
    const dpfIdOf = (url: string) =>
      decideTransfers(subject('US'), own(facts({ mechanisms: ['DPF'] })), (i) => ({ ...evidenceOf(i), quote: `Weitere Informationen: ${url}.` }))[0].dpfId;
    expect(dpfIdOf('https://www.dataprivacyframework.gov/participant/5780')).toBe('5780');
    expect(dpfIdOf('https://www.dataprivacyframework.gov/s/participant-search/participantdetail?contact=true&id=a2zt0000000KzLyAAK&status=Active')).toBe('a2zt0000000KzLyAAK');
    expect(dpfIdOf('https://www.dataprivacyframework.gov/list')).toBeNull();
    expect(dpfIdOf('https://www.dataprivacyframework.gov/s/participant-search')).toBeNull();
  });

  it('a restriction to the EU undoes the destinations of the sentences just before it, not later ones', () => {
    const located = facts({ destinations: [dest('US')], assertsTransfer: true, statesTransfer: true });
    expect(decideTransfers(subject('DE'), own(located, facts({ euOnly: true })), evidenceOf)).toEqual([]);
    const later = facts({ destinations: [dest('US', [], true)], assertsTransfer: true, statesTransfer: true, possible: true });
    expect(brief(decideTransfers(subject('DE'), own(located, facts({ euOnly: true }), later), evidenceOf))).toEqual([{ country: 'US', mechanisms: [], certainty: 'possible' }]);
  });

  it('a safeguard named without a destination goes to the destination just before it', () => {
    const t = decideTransfers(
      subject('IE'),
      own(facts({ destinations: [dest('US')], assertsTransfer: true, statesTransfer: true }), facts({ mechanisms: ['SCC'] })),
      evidenceOf,
    );
    expect(brief(t)).toEqual([{ country: 'US', mechanisms: ['SCC'], certainty: 'stated' }]);
  });

  it('a vague third country beside a named one is dropped; other countries set apart from a named one are kept', () => {
    const vague = facts({ destinations: [dest(null)], assertsTransfer: true, statesTransfer: true });
    const named = facts({ destinations: [dest('US')], assertsTransfer: true, statesTransfer: true });
    expect(brief(decideTransfers(subject('DE'), own(vague, named), evidenceOf)).map((t) => t.country)).toEqual(['US']);
    const apart = facts({ mechanisms: ['ADEQUACY', 'SCC'], destinations: [dest('CA', ['ADEQUACY']), dest(null, ['SCC'], true, true)], assertsTransfer: true, statesTransfer: true });
    expect(brief(decideTransfers(subject('CA'), own(apart), evidenceOf))).toEqual([
      { country: 'CA', mechanisms: ['ADEQUACY'], certainty: 'stated' },
      { country: null, mechanisms: ['SCC'], certainty: 'possible' },
    ]);
  });

  it('a denied sentence contributes nothing', () => {
    expect(decideTransfers(subject('DE'), own(facts({ destinations: [dest('US')], negated: true })), evidenceOf)).toEqual([]);
  });
});

describe('documentClassifier', () => {
  const classifyAll = (sentence: string) => documentClassifier(findCountries(sentence))(sentence, 0, [[0, sentence.length]], () => false);

  it('attaches each mechanism to the destination named in its part of the sentence', () => {
    const f = classifyAll('Die Daten werden in den USA und in Japan verarbeitet; für Japan besteht ein Angemessenheitsbeschluss, für die USA gelten Standardvertragsklauseln.');
    expect(f.destinations.map((d) => [d.country, d.mechanisms])).toEqual([
      ['US', ['SCC']],
      ['JP', ['ADEQUACY']],
    ]);
  });

  it('gives an adequacy decision to the adequate countries of a sentence only', () => {
    const f = classifyAll('Die Daten werden in die USA und nach Kanada übermittelt, wofür ein Angemessenheitsbeschluss besteht.');
    expect(f.destinations.map((d) => [d.country, d.mechanisms])).toEqual([
      ['US', []],
      ['CA', ['ADEQUACY']],
    ]);
  });

  it('a country after "außerhalb" is set aside: an unnamed other destination', () => {
    const f = classifyAll('Für Übermittlungen in Länder außerhalb Kanadas gelten Standardvertragsklauseln.');
    expect(f.destinations).toEqual([{ country: null, mechanisms: ['SCC'], possible: true, other: true }]);
  });

  it('a condition on the transfer makes it possible, a condition on something else does not', () => {
    expect(classifyAll('Sofern Daten in die USA übermittelt werden, geschieht dies auf Grundlage von Standardvertragsklauseln.').destinations[0].possible).toBe(true);
    expect(classifyAll('Wenn Sie das Formular absenden, werden Ihre Angaben in die USA übermittelt.').destinations[0].possible).toBe(false);
  });

  it('definitions of an instrument and data subjects\' rights name no destination', () => {
    expect(classifyAll('Hierbei handelt es sich um Vorschriften, die Übermittlungen in Drittländer absichern.').destinations).toEqual([]);
    expect(classifyAll('Sie haben ein Recht auf Auskunft über geeignete Garantien bei der Übermittlung in ein Drittland.').destinations).toEqual([]);
  });

  it('reads a restriction to the EU and the Privacy Shield', () => {
    expect(classifyAll('Wir nutzen ausschließlich Server in der EU.').euOnly).toBe(true);
    const shield = classifyAll('Der Anbieter war unter dem EU-US Privacy Shield zertifiziert.');
    expect([shield.privacyShield, shield.mechanisms]).toEqual([true, []]);
  });
});

describe('policy-wide clauses', () => {
  const read = (body: string) => {
    const text = `Datenschutzerklärung\n\nHinweise zu Drittstaaten\n\n${body}`;
    const seg = segment(text);
    const general = seg.sentences.map((_, i) => i);
    return policyClauses(seg, general, findCountries(text), evidenceOf);
  };
  const recipient = (name: string, country: string | null, role: Recipient['role'] = 'processor', transfers: Recipient['transfers'] = []): Recipient => ({
    name, aliases: [], services: [], legalForm: null, address: null, country, role, roleEvidence: null, purposes: [], dataCategories: [], legalBases: [], retention: [],
    processingLocations: [], transfers, subprocessors: [], parent: null, mentions: [],
  });

  it('a clause naming recipients by seat carries to the next sentence that states the transfer', () => {
    const c = read('Wir nutzen Dienste von Anbietern mit Sitz in den USA. Bei deren Nutzung können Daten in diese Länder übertragen werden.');
    expect(c.transfers.map((t) => [[...t.seats], t.possible])).toEqual([[['US'], true]]);
  });

  it('a denial right after cancels the clause; a denied seat names none', () => {
    expect(read('Anbieter mit Sitz in den USA können Daten in die USA übertragen. Eine solche Übermittlung findet nicht statt.').transfers).toEqual([]);
    expect(read('Wir nutzen keine Dienste von Anbietern mit Sitz in den USA, die Daten in die USA übertragen.').transfers).toEqual([]);
  });

  it('providers from unnamed third countries are any third-country seat', () => {
    const c = read('Wir setzen auch Anbieter aus Drittstaaten ein, an die Daten übermittelt werden.');
    expect(c.transfers.map((t) => [...t.seats])).toEqual([[THIRD]]);
  });

  it('creates transfers for covered recipients only, then fills mechanisms that fit each destination', () => {
    const c = read('Tools von Unternehmen mit Sitz in den USA können Daten in die USA übertragen. Die Übermittlung stützt sich auf das Data Privacy Framework und einen Angemessenheitsbeschluss.');
    const rs = [recipient('A Inc.', 'US'), recipient('B Ltd.', 'IE'), recipient('C', 'US', 'self_hosted'), recipient('D Ltd.', 'GB', 'processor', [{ country: 'GB', mechanisms: [], certainty: 'stated', dpfId: null, evidence: [] }])];
    applyPolicyWideClauses(rs, c);
    expect(rs.map((r) => r.transfers.map((t) => `${t.country}:${t.mechanisms.join('+')}:${t.certainty}`))).toEqual([['US:DPF:possible'], [], [], ['GB:ADEQUACY:stated']]);
  });
});

describe('transfer cues stay linear on adversarial input', () => {
  const patterns = Object.entries(cues).filter(([, v]) => v instanceof RegExp) as [string, RegExp][];
  const attacks = [
    'Sitz in '.repeat(20_000),
    'ausschließlich '.repeat(10_000) + 'x '.repeat(10_000),
    'sofern '.repeat(20_000),
    'Hierbei handelt es sich um '.repeat(5_000),
    'Der Die Das ist ein '.repeat(10_000),
    'US-'.repeat(30_000),
    'außerhalb '.repeat(20_000),
    'oder '.repeat(20_000),
    'Unternehmen aus '.repeat(10_000),
    'angemessenes Datenschutzniveau '.repeat(5_000),
    'ausdrückliche Einwilligung '.repeat(5_000),
    // many destinations, mechanisms, parts and conditions in one sentence: attachment must not be quadratic
    'Standardvertragsklauseln für die USA; '.repeat(20_000),
    'wenn in Kanada, '.repeat(20_000),
  ];
  it('every cue scans each attack quickly', () => {
    for (const attack of attacks)
      for (const [name, re] of patterns) {
        const started = performance.now();
        re.lastIndex = 0;
        re.test(attack);
        expect(performance.now() - started, `${name} on "${attack.slice(0, 20)}…"`).toBeLessThan(1_000);
      }
  });
  it('the classifier reads an attack sentence quickly', () => {
    for (const attack of attacks) {
      const started = performance.now();
      documentClassifier(findCountries(attack))(attack, 0, [[0, attack.length]], () => false);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
