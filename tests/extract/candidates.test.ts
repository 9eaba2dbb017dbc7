import { describe, expect, it } from 'vitest';
import { findCandidates, presentedAsOwnInstallation, presentedAsRecipient, receivesData } from '../../src/extract/candidates.js';
import { findCatalogHits } from '../../src/extract/entities.js';

const names = (text: string) => findCandidates(text).map((c) => [c.kind, c.name]);

describe('recipient candidates without legal form', () => {
  it('takes organisation words, not the article before them', () => {
    expect(names('Die Rheinwiesen Stiftung erhebt Daten. Wir nutzen The Lantern Project.')).toEqual([
      ['organisation', 'Rheinwiesen Stiftung'],
      ['organisation', 'The Lantern Project'],
    ]);
  });

  it('takes the name after a provider statement, across a line break, and a lower-case one only as a whole', () => {
    expect(names('This service is provided by:\n\nBeacon Maps Foundation\nHigh Street 1')).toContainEqual(['provider', 'Beacon Maps Foundation']);
    expect(names('Data is stored on servers provided by wolkenwerk.')).toEqual([['provider', 'wolkenwerk']]);
    expect(names('We process the data provided by website visitors.')).toEqual([]);
    expect(names('Diese Website wird betrieben von Muster Studio, Hauptstraße 1.')).toEqual([]);
  });

  it('takes items of a list introduced as service providers, and the value under a category label', () => {
    const text = 'Wir setzen folgende Dienstleister ein:\n\nTermino: Terminbuchung\n- Postkorb\nHosting: Serverwerk\nHinweis: Wir verkaufen keine Daten.\n\nIhre Rechte';
    expect(names(text)).toEqual([
      ['list-item', 'Termino'],
      ['list-item', 'Postkorb'],
      ['list-item', 'Serverwerk'],
    ]);
  });

  it('takes no list under an introduction of the controller or of categories of recipients', () => {
    expect(names('Verantwortlich für diese Dienste ist:\n\nMuster Verlag\nHauptstraße 6')).toEqual([]);
    expect(names('Empfänger:\n\nInterne Stellen: Buchhaltung')).toEqual([]);
  });

  it('takes brands from a list after a use, never common nouns', () => {
    expect(names('Spenden nehmen wir über Spendenfuchs, Stripe oder Paypal an.').map(([, n]) => n)).toEqual(['Spendenfuchs', 'Stripe', 'Paypal']);
    expect(names('Sie können über Kreditkarte, Lastschrift oder Rechnung bezahlen. Die Zahlung erfolgt per Lastschrift.')).toEqual([]);
  });
});

describe('whether a candidate receives data', () => {
  const at = (text: string, name: string) => {
    const start = text.indexOf(name);
    return receivesData(text, start, start + name.length, 0, text.length);
  };
  it('rejects examples, denials, link targets, sources, policies, cookies, public bodies and tools without personal data', () => {
    expect(at('Wir nutzen Termino für Buchungen.', 'Termino')).toBe(true);
    expect(at('Tools wie z. B. Termino setzen wir nicht ein.', 'Termino')).toBe(false);
    expect(at('Wir nutzen kein Termino.', 'Termino')).toBe(false);
    expect(at('Mehr unter https://Termino.example.', 'Termino')).toBe(false);
    expect(at('Wir erhalten Daten von Termino.', 'Termino')).toBe(false);
    expect(at('Siehe die Datenschutzerklärung der Rheinwiesen Stiftung.', 'Rheinwiesen Stiftung')).toBe(false);
    expect(at('Das Cookie Termino speichert die Sitzung.', 'Termino')).toBe(false);
    expect(at('Wir übermitteln Daten an das Finanzamt Köln.', 'Finanzamt Köln')).toBe(false);
    expect(at('Termino verarbeitet keine personenbezogenen Daten.', 'Termino')).toBe(false);
  });
  it('reads a bare name line with its neighbours, a sentence on its own', () => {
    expect(presentedAsRecipient('Beacon Foundation', 'Beacon Foundation', ['We use Beacon for tickets.'])).toBe(true);
    expect(presentedAsRecipient('Beacon Foundation', 'Wir kooperieren seit Jahren mit der Beacon Foundation.', ['Wir verarbeiten Daten.'])).toBe(false);
  });
  it("calls software the controller's own installation only where the text does", () => {
    expect(presentedAsOwnInstallation(['Wir nutzen die Open-Source-Software Pretix.'])).toBe(true);
    expect(presentedAsOwnInstallation(['Wir betreiben eine eigene Nextcloud-Instanz.'])).toBe(true);
    expect(presentedAsOwnInstallation(['We run a self-hosted instance of Plausible.'])).toBe(true);
    expect(presentedAsOwnInstallation(['Wir nutzen Pretix.'])).toBe(false);
  });
});

describe('catalog matches tolerant of case, spaces and hyphens', () => {
  const hits = (text: string) => findCatalogHits(text).map((h) => h.name);
  it('finds a name however it is spaced, hyphenated or capitalised', () => {
    expect(hits('Wir nutzen Jitsi-Meet, Bunny CDN, Posthog und Paypal.')).toEqual(['Jitsi Meet', 'BunnyCDN', 'PostHog', 'PayPal']);
    expect(hits('Über paypal oder google analytics')).toEqual(['PayPal', 'Google Analytics']);
  });
  it('leaves plain lower-case words, domains and compounds alone', () => {
    expect(hits('wir zoomen nicht, teams arbeiten intern, ein stripe-Muster')).toEqual([]);
    expect(hits('Skripte von www.googletagmanager.com und fonts.google.com')).toEqual([]);
  });
});

describe('the candidate patterns stay linear', () => {
  const attacks = [
    'Die ' + 'Aaa '.repeat(50_000) + 'Foundation',
    'provided by ' + 'Aaa '.repeat(50_000),
    'Dienstleister:\n' + 'Name: Zweck\n'.repeat(30_000),
    'Spenden über ' + 'Aaa, '.repeat(50_000) + 'und Bbb',
    'Wir nutzen ' + 'Aaa Bbb, '.repeat(30_000),
    'Jitsi-'.repeat(50_000) + 'Meet',
    'den Dienst ' + 'Aaa '.repeat(50_000),
    '\n\nAaa Bbb\n\n'.repeat(30_000) + 'an Aaa Bbb weitergeleitet.',
  ];
  for (const [i, attack] of attacks.entries()) {
    it(`attack ${i} completes`, () => {
      const started = performance.now();
      findCandidates(attack);
      findCatalogHits(attack);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  }
});
