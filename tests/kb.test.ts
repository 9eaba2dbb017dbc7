import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryByCode, isEuOrEea, isThirdCountry } from '../src/kb/countries.js';
import { legalFormOf, stripLegalForm } from '../src/kb/legalForms.js';
import { VENDORS, findVendorByName, findVendorsByName } from '../src/kb/vendors.js';

describe('countries', () => {
  it('has unique codes and at least 70 entries', () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(70);
  });

  it('has 27 EU states, all of them in the EEA, plus Iceland, Liechtenstein and Norway', () => {
    const eu = COUNTRIES.filter((c) => c.eu);
    expect(eu).toHaveLength(27);
    expect(eu.every((c) => c.eea)).toBe(true);
    expect(COUNTRIES.filter((c) => c.eea && !c.eu).map((c) => c.code).sort()).toEqual(['IS', 'LI', 'NO']);
  });

  it('lists exactly the countries with an adequacy decision, not the US', () => {
    const adequate = COUNTRIES.filter((c) => c.adequacy).map((c) => c.code).sort();
    expect(adequate).toEqual(['AD', 'AR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'UY']);
    expect(countryByCode('US')?.adequacy).toBe(false);
  });

  it('classifies third countries and knows German inflected names', () => {
    expect(isThirdCountry('US')).toBe(true);
    expect(isThirdCountry('CH')).toBe(true);
    expect(isEuOrEea('NO')).toBe(true);
    expect(isEuOrEea('de')).toBe(true);
    expect(countryByCode('US')?.names).toContain('Vereinigten Staaten');
    expect(countryByCode('AE')?.names).toContain('Vereinigten Arabischen Emiraten');
    expect(countryByCode('GB')?.names).toContain('Vereinigten Königreich');
  });

  it('has no surface name shared by two countries', () => {
    const seen = new Map<string, string>();
    for (const c of COUNTRIES) {
      for (const n of c.names) {
        const key = n.toLowerCase();
        expect(seen.get(key) ?? c.code, `${n} in ${c.code}`).toBe(c.code);
        seen.set(key, c.code);
      }
    }
  });
});

describe('legal forms', () => {
  it.each([
    ['Hetzner Online GmbH', 'GmbH'],
    ['iDot digital UG (haftungsbeschränkt)', 'UG (haftungsbeschränkt)'],
    ['CleverReach GmbH & Co. KG', 'GmbH & Co. KG'],
    ['Zoom Video Communications, Inc.', 'Inc.'],
    ['PayPal (Europe) S.à r.l. et Cie, S.C.A.', 'S.C.A.'],
    ['Amazon Web Services EMEA SARL', 'S.à r.l.'],
    ['Fastmail Pty Ltd', 'Pty Ltd'],
    ['LinkedIn Ireland Unlimited Company', 'Unlimited Company'],
    ['Plausible Insights OÜ', 'OÜ'],
    ['Förderverein Musterstadt e.V.', 'e. V.'],
  ])('%s ends in %s', (name, form) => {
    expect(legalFormOf(name)?.form).toBe(form);
  });

  it('returns null without a legal form and strips one when present', () => {
    expect(legalFormOf('Sparkasse Musterstadt')).toBeNull();
    expect(stripLegalForm('Google Ireland Limited')).toBe('Google Ireland');
  });
});

describe('vendors', () => {
  it('has at least 160 vendors with unique keys and plausible fields', () => {
    expect(VENDORS.length).toBeGreaterThanOrEqual(160);
    expect(new Set(VENDORS.map((v) => v.key)).size).toBe(VENDORS.length);
    for (const v of VENDORS) {
      expect(v.entities.length, v.key).toBeGreaterThan(0);
      expect(v.popularity, v.key).toBeGreaterThan(0);
      for (const e of v.entities) expect(countryByCode(e.country), `${v.key}: ${e.country}`).toBeDefined();
    }
  });

  it('resolves former names, aliases, services and entity names', () => {
    expect(findVendorByName('Zoom Video Communications, Inc.')?.key).toBe('zoom');
    expect(findVendorByName('zoom communications inc')?.key).toBe('zoom');
    expect(findVendorByName('Sendinblue')?.key).toBe('brevo');
    expect(findVendorByName('Google Fonts')?.key).toBe('google-fonts');
    expect(findVendorByName('LinkedIn Ireland Unlimited Company')?.parent).toBe('Microsoft Corporation');
    expect(findVendorByName('The Rocket Science Group, LLC')?.key).toBe('mailchimp');
    expect(findVendorByName('Unknown Vendor GmbH')).toBeUndefined();
  });

  it('offers every product line behind a shared entity', () => {
    const keys = findVendorsByName('Google Ireland Limited').map((v) => v.key);
    expect(keys).toEqual(expect.arrayContaining(['google-analytics', 'youtube', 'google-fonts']));
  });
});
