import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/extract/entities.js';
import { rolesIn } from '../../src/extract/classify.js';
import { OPERATED_BY_OTHERS, PLURAL_SCOPE, REFERENCE_NOUN, ROLE_DEFINITION, SINGULAR_REFERENCE, URL_TEXT } from '../../src/extract/cues.js';
import { scopeSentences } from '../../src/extract/scope.js';
import { segment } from '../../src/extract/segment.js';

// Mentions are placed by name: each entry of `names` is one entity, found wherever the text has it.
function scopes(text: string, names: string[]) {
  const seg = segment(text);
  const mentions: Mention[] = [];
  names.forEach((n, entity) => {
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length)) mentions.push({ entity, start: at, end: at + n.length });
  });
  const out = scopeSentences(seg, mentions, () => false);
  // sentence text → the names it speaks about
  return (needle: string) => {
    const i = seg.sentences.findIndex((s) => s.text.includes(needle));
    return [...out[i].targets.keys()].map((id) => names[id]).sort();
  };
}

describe('scopeSentences', () => {
  it('a sentence that names nobody speaks about its block; the next vendor heading closes it', () => {
    const about = scopes('Alpha\n\nWir nutzen Alpha. Die Daten bleiben in Europa.\n\nBeta\n\nWir nutzen Beta. Die Daten gehen in die USA.', ['Alpha', 'Beta']);
    expect(about('bleiben')).toEqual(['Alpha']);
    expect(about('gehen')).toEqual(['Beta']);
  });

  it('a deeper numbered section stays in the block only below a heading that named the vendor', () => {
    const about = scopes('4.1 Alpha\n\nWir nutzen Alpha.\n\n4.1.1 Details\n\nDie Daten bleiben in Europa.\n\n4.2 Karten\n\n4.2.1 kartenwerk\n\nWir haben einen Vertrag geschlossen.', ['Alpha']);
    expect(about('bleiben')).toEqual(['Alpha']);
    expect(about('Vertrag')).toEqual([]);
  });

  it('a singular reference is the recipient named last; a plural one the section tree', () => {
    const about = scopes('3. Dienste\n\n3.1 Post\n\nWir nutzen Alpha und danach Beta. Der Anbieter ist zertifiziert. Die Daten werden verschlüsselt.\n\n3.2 Verträge\n\nMit allen genannten Anbietern bestehen Verträge.', ['Alpha', 'Beta']);
    expect(about('zertifiziert')).toEqual(['Beta']);
    expect(about('verschlüsselt')).toEqual(['Alpha', 'Beta']);
    expect(about('bestehen')).toEqual(['Alpha', 'Beta']);
  });

  it('a list introduction speaks about the recipients of its items, a role heading about its tree', () => {
    const about = scopes('Dienstleister\n\nWir setzen folgende Auftragsverarbeiter ein:\n- Alpha (Hosting)\n- Beta (Mail)\n\n5. Auftragsverarbeiter\n\n5.1 Gamma\n\nText zu Gamma.', ['Alpha', 'Beta', 'Gamma']);
    expect(about('folgende Auftragsverarbeiter')).toEqual(['Alpha', 'Beta']);
    expect(about('5. Auftragsverarbeiter')).toEqual(['Gamma']);
  });

  it('"our host …" before the host is named speaks about the recipient its section names later', () => {
    const about = scopes('Hosting\n\nUnser Hoster arbeitet nach Weisung. Wir setzen folgenden Hoster ein:\n\nAlpha\n\nKontakt\n\nText ohne Anbieter.', ['Alpha']);
    expect(about('Weisung')).toEqual(['Alpha']);
    expect(about('ohne Anbieter')).toEqual([]);
  });
});

describe('scope cues', () => {
  it('plural references need a recipient noun', () => {
    expect(PLURAL_SCOPE.test('Mit allen eingesetzten Dienstleistern bestehen Verträge.')).toBe(true);
    expect(PLURAL_SCOPE.test('We have signed agreements with all of these providers.')).toBe(true);
    expect(PLURAL_SCOPE.test('Personenbezogene Daten sind alle Daten, die sich auf Sie beziehen.')).toBe(false);
  });
  it('singular references name one provider', () => {
    expect(SINGULAR_REFERENCE.test('Das Unternehmen ist zertifiziert.')).toBe(true);
    expect(SINGULAR_REFERENCE.test('The provider stores data in the US.')).toBe(true);
    expect(SINGULAR_REFERENCE.test('The providers store data in the US.')).toBe(false);
    expect(REFERENCE_NOUN.test('Unser Hoster verarbeitet Daten.')).toBe(true);
  });
  it('stay linear on adversarial input', () => {
    const started = performance.now();
    for (const re of [PLURAL_SCOPE, SINGULAR_REFERENCE, REFERENCE_NOUN, ROLE_DEFINITION, OPERATED_BY_OTHERS]) {
      re.test('alle '.repeat(50_000));
      re.test('Der '.repeat(50_000) + 'x');
      re.test('all of these '.repeat(20_000));
      re.test('so-called '.repeat(20_000));
    }
    rolesIn('a-'.repeat(50_000) + '.com');
    'x.com/'.repeat(30_000).replace(URL_TEXT, ' ');
    rolesIn('https://' + 'a'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('role cues', () => {
  it('joint control, processing on our behalf, no cue inside a link', () => {
    expect(rolesIn('The processing is carried out in joint responsibility with X in accordance with Art. 26 para. 1 GDPR.')).toEqual(['joint_controller']);
    expect(rolesIn('Wir sind mit X gemeinsam verantwortlich (Art. 26 Abs. 1 DSGVO).')).toEqual(['joint_controller']);
    expect(rolesIn('alone or jointly with others determines the purposes and means')).toEqual([]);
    expect(rolesIn('We have an agreement with X for the outsourcing of our data processing.')).toEqual(['processor']);
    expect(rolesIn('Our host acts as our data processor.')).toEqual(['processor']);
    expect(rolesIn('Details: https://x.example/legal/processors/list and www.x.example/dpa')).toEqual([]);
    expect(rolesIn('Auftragsverarbeiter sind Stellen, die Daten im Auftrag eines Verantwortlichen verarbeiten.')).toEqual([]);
    expect(rolesIn('This may be the case if a so-called data processor is involved.')).toEqual([]);
    expect(rolesIn('Wir haben mit dem Anbieter einen Vertrag zur Auftragsverarbeitung geschlossen.')).toEqual(['processor']);
  });
});
