// PolicyGraph fixtures built by hand, so store and API tests do not depend on the extractor.
import type { Evidence, Mechanism, PolicyGraph, Recipient, Role, Transfer } from '../../src/extract/types.js';

export function ev(quote: string, section: string | null = 'Datenübermittlung in Drittländer', start = 0): Evidence {
  return { section, start, end: start + quote.length, quote };
}

export function transfer(country: string | null, mechanisms: Mechanism[], quote: string, certainty: 'stated' | 'possible' = 'stated', dpfId: string | null = null): Transfer {
  return { country, mechanisms, certainty, dpfId, evidence: [ev(quote)] };
}

export function recipient(name: string, over: Partial<Recipient> = {}): Recipient {
  return {
    name,
    aliases: [],
    services: [],
    legalForm: null,
    address: null,
    country: null,
    role: 'processor' as Role,
    roleEvidence: ev(`Wir setzen ${name} als Auftragsverarbeiter ein.`, 'Dienstleister'),
    purposes: ['Videokonferenzen'],
    dataCategories: ['Name', 'E-Mail-Adresse'],
    legalBases: ['Art. 6 Abs. 1 lit. b DSGVO'],
    retention: [],
    processingLocations: [],
    transfers: [],
    subprocessors: [],
    parent: null,
    mentions: [ev(`${name} wird eingesetzt.`, 'Dienstleister')],
    ...over,
  };
}

export function policy(doc: string, controller: string, recipients: Recipient[], text?: string): PolicyGraph {
  return {
    doc,
    language: 'de',
    controller: { name: controller, legalForm: null, address: 'Musterstraße 1, 10115 Berlin', country: 'DE', email: 'datenschutz@example.de', evidence: ev(`Verantwortlich ist die ${controller}.`, 'Verantwortlicher') },
    dataProtectionOfficer: null,
    supervisoryAuthority: null,
    lastUpdated: '2024-05-01',
    policyWideClauses: [],
    recipients,
    text: text ?? `Datenschutzerklärung der ${controller}. ${recipients.map((r) => r.name).join(', ')}.`,
  };
}

/** A controller that uses Zoom (named the old way) with SCC + DPF to the US. */
export function zoomPolicy(doc: string, controller: string, zoomName = 'Zoom Video Communications, Inc.', mechanisms: Mechanism[] = ['SCC', 'DPF']): PolicyGraph {
  const quote = `Dabei werden Daten an ${zoomName} in den USA übermittelt; die Übermittlung erfolgt auf Grundlage von ${mechanisms.join(' und ')}.`;
  return policy(doc, controller, [
    recipient(zoomName, { services: ['Zoom'], country: 'US', transfers: [transfer('US', mechanisms, quote)] }),
    recipient('Hetzner Online GmbH', {
      country: 'DE',
      services: ['Hetzner Cloud'],
      processingLocations: [{ country: 'DE', region: 'Falkenstein', evidence: ev('Die Server stehen in Falkenstein.') }],
    }),
  ]);
}
