import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../src/kb/vendors.js';
import { findCountries } from '../../src/extract/countryMentions.js';
import { addressAfter, brandSeat, catalogSeat, citySeat, seatFromName, statedSeat, statedSeatOfName } from '../../src/extract/seats.js';

/** The seat of `name` in `text` as the address after it gives it. */
function addressOf(text: string, name: string, limit?: string) {
  const end = text.indexOf(name) + name.length;
  return addressAfter(text, end, findCountries(text), limit ? text.indexOf(limit) : Infinity);
}

function statedOf(text: string, name: string, limit?: string) {
  const start = text.indexOf(name);
  return statedSeat(text, start, start + name.length, findCountries(text), limit ? text.indexOf(limit) : Infinity);
}

describe('addressAfter', () => {
  it('takes the country that closes the address', () => {
    expect(addressOf('Anbieter ist die Wolke AG, Hafenweg 2, 20457 Hamburg, Deutschland. Weitere Infos.', 'Wolke AG')?.code).toBe('DE');
    expect(addressOf('Provided by Ferry Ltd., 20 King Street, London EC2V 8EH, United Kingdom.', 'Ferry Ltd.')?.code).toBe('GB');
  });

  it('ends at the next organization: its country is not this one\'s', () => {
    const text = 'Hosted by Alpha Code, Inc., 100 Congress Ave, Austin; and by Alpha Code B.V., Keizersgracht 2, 1015 Amsterdam, Netherlands.';
    expect(addressOf(text, 'Alpha Code, Inc.', 'Alpha Code B.V.')?.code ?? null).not.toBe('NL');
  });

  it('reads a US state and ZIP without a country line', () => {
    expect(addressOf('Anbieter ist die Calendo Corp., 1 Main Street, Los Angeles, CA 90067.', 'Calendo Corp.')?.code).toBe('US');
  });

  it('reads no German postcode in a five-digit US house number', () => {
    expect(addressOf('Anbieter ist die Pinecone LLC, 12345 Elm Street, Springfield.', 'Pinecone LLC')?.code ?? null).toBeNull();
    expect(addressOf('Anbieter ist die Wolke GmbH, Hafenweg 2, 20457 Hamburg.', 'Wolke GmbH')?.code).toBe('DE');
  });

  it('reads an address over several short lines', () => {
    const text = 'Dieser Dienst wird betrieben von:\n\nHarbor Social Corporation\n77 Bay Road\nMenlo Park\nCA 94025\nUSA\n\nWeitere Informationen folgen.';
    expect(addressOf(text, 'Harbor Social Corporation')?.code).toBe('US');
  });
});

describe('statedSeat', () => {
  it('reads a nationality after the name', () => {
    expect(statedOf('Wir nutzen Kernel Labs Inc., a US company, für den Chat.', 'Kernel Labs Inc.')).toBe('US');
    expect(statedOf('Die Orbit Ltd. ist ein irisches Unternehmen.', 'Orbit Ltd.')).toBe('IE');
  });

  it('reads a nationality before the name', () => {
    expect(statedOf('Wir nutzen den Dienst des US-amerikanischen Anbieters Nova Inc. für Umfragen.', 'Nova Inc.')).toBe('US');
    expect(statedOf('We use the British provider Kettle Ltd. for surveys.', 'Kettle Ltd.')).toBe('GB');
  });

  it('reads "mit Sitz in" and "based in" followed by a country', () => {
    expect(statedOf('Der Versand erfolgt über die Quanta Mail LLC mit Sitz in den USA.', 'Quanta Mail LLC')).toBe('US');
    expect(statedOf('Support by Helpful Ltd., based in Ireland.', 'Helpful Ltd.')).toBe('IE');
  });

  it('does not give the seat of the next organization to this one', () => {
    const text = 'Wir nutzen die Eins GmbH und die Zwei Inc. mit Sitz in den USA.';
    expect(statedOf(text, 'Eins GmbH', 'Zwei Inc.')).toBeNull();
  });

  it('finds the seat of an alias anywhere in the text', () => {
    expect(statedSeatOfName('Zum Versand nutzen wir Sendly. Sendly ist ein US-Unternehmen.', 'Sendly', [])).toBe('US');
    expect(statedSeatOfName('Zum Versand nutzen wir Sendly.', 'Sendly', [])).toBeNull();
  });

  it('stays linear on adversarial input', () => {
    const long = 'X Inc.' + ' ist ein'.repeat(20_000) + ' mit Sitz in'.repeat(20_000);
    const started = performance.now();
    statedSeatOfName(long, 'X Inc.', findCountries(long));
    statedOf('US-amerikanische '.repeat(20_000) + 'Unternehmen X Inc.', 'X Inc.');
    addressOf('A Inc.' + ', 12345 Aa'.repeat(20_000), 'A Inc.');
    addressOf('A Inc.' + ' CA'.repeat(40_000), 'A Inc.');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('citySeat', () => {
  const cityOf = (text: string, name: string, limit?: string) => citySeat(text, text.indexOf(name) + name.length, limit ? text.indexOf(limit) : Infinity);

  it('reads a city that is a whole part of the address, or that a seat phrase names', () => {
    expect(cityOf('Wir nutzen die Wolkenbank GmbH, Köln (Hosting).', 'Wolkenbank GmbH')).toBe('DE');
    expect(cityOf('Druck: Tintenfass AG, Seestrasse 4, 8002 Zürich.', 'Tintenfass AG')).toBe('CH');
    expect(cityOf('Backups: Blauwal Cloud Ltd., 4 Mill Lane, London', 'Blauwal Cloud Ltd.')).toBe('GB');
    expect(cityOf('Versand über die Paketfix GmbH aus Wien.', 'Paketfix GmbH')).toBe('AT');
    expect(cityOf('Relaymail, Inc., based in Denver, sends our mail.', 'Relaymail, Inc.')).toBe('US');
    expect(cityOf('Die Mühlbach GmbH, Mühlenstr. 7, Frankfurt am Main, druckt.', 'Mühlbach GmbH')).toBe('DE');
  });

  it('takes no city inside a longer phrase, after the next organization, or one the list does not know', () => {
    expect(cityOf('Die Serverhaus GmbH, Rechenzentrum Berlin, hostet.', 'Serverhaus GmbH')).toBeNull();
    expect(cityOf('Die Serverhaus GmbH nutzt Rechenzentren in Berlin.', 'Serverhaus GmbH')).toBeNull();
    expect(cityOf('Die Serverhaus GmbH und die Kabel AG, Berlin, arbeiten zusammen.', 'Serverhaus GmbH', 'Kabel AG')).toBeNull();
    expect(cityOf('Die Serverhaus GmbH, Kleinkleckersdorf, hostet.', 'Serverhaus GmbH')).toBeNull();
  });
});

describe('catalog seats', () => {
  const vendor = (entities: { name: string; country: string }[]) => ({ key: 'v', brand: 'Vendo', aliases: [], entities, services: [], category: 'other', popularity: 1 }) as unknown as Vendor;

  it('gives the seat of exactly the named legal entity', () => {
    const v = vendor([{ name: 'Vendo Ireland Limited', country: 'IE' }, { name: 'Vendo LLC', country: 'US' }]);
    expect(catalogSeat('Vendo LLC', v)).toBe('US');
    expect(catalogSeat('Vendo Ireland Ltd.', v)).toBe('IE');
  });

  it('gives no seat for another legal entity of the vendor', () => {
    expect(catalogSeat('Vendo International Ltd.', vendor([{ name: 'Vendo, Inc.', country: 'US' }]))).toBeNull();
  });

  it('seats a brand only where the catalog knows one legal entity for it', () => {
    expect(brandSeat(vendor([{ name: 'Vendo GmbH', country: 'DE' }]))).toBe('DE');
    expect(brandSeat(vendor([{ name: 'Vendo Ireland Limited', country: 'IE' }, { name: 'Vendo LLC', country: 'US' }]))).toBeNull();
    expect(brandSeat(null)).toBeNull();
  });
});

describe('seatFromName', () => {
  it('reads a country in the name', () => {
    expect(seatFromName('Vendo Germany GmbH')).toBe('DE');
    expect(seatFromName('Vendo Ireland Limited')).toBe('IE');
  });

  it('reads a legal form that exists in one country only', () => {
    expect(seatFromName('Kleingarten Nord e.V.')).toBe('DE');
    expect(seatFromName('Pinecone Labs, LLC')).toBe('US');
  });

  it('guesses nothing from a form several countries use', () => {
    expect(seatFromName('Vendo GmbH')).toBeNull();
    expect(seatFromName('Vendo Ltd.')).toBeNull();
    expect(seatFromName('Vendo Europe S.A.')).toBeNull();
  });
});
