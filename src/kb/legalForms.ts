import { memoizeByString } from '../util/memoize.js';
/**
 * Company legal-form suffixes as they appear in policy text. Used to recognise where an
 * organization name ends, to normalise names for entity resolution, and as weak evidence
 * for a seat country when a policy states none.
 */
export interface LegalForm {
  /** Canonical spelling. */
  form: string;
  /** Every spelling seen in text, the canonical one included. */
  variants: string[];
  /** ISO 3166-1 alpha-2 codes where the form is typical, most likely first. */
  countries: string[];
}

export const LEGAL_FORMS: readonly LegalForm[] = [
  // German-speaking countries
  { form: 'GmbH', variants: ['GmbH', 'G.m.b.H.', 'GesmbH', 'Ges.m.b.H.', 'Gesellschaft mit beschränkter Haftung'], countries: ['DE', 'AT', 'CH'] },
  { form: 'gGmbH', variants: ['gGmbH'], countries: ['DE'] },
  { form: 'mbH', variants: ['mbH'], countries: ['DE'] },
  { form: 'GmbH & Co. KG', variants: ['GmbH & Co. KG', 'GmbH & Co KG', 'GmbH und Co. KG', 'GmbH u. Co. KG', 'GmbH + Co. KG'], countries: ['DE', 'AT'] },
  { form: 'UG (haftungsbeschränkt)', variants: ['UG (haftungsbeschränkt)', 'UG (haftungsbeschraenkt)', 'UG haftungsbeschränkt', 'UG (hb)', 'UG'], countries: ['DE'] },
  // the non-profit UG ("gemeinnützige UG"), spelled like gGmbH
  { form: 'gUG (haftungsbeschränkt)', variants: ['gUG (haftungsbeschränkt)', 'gUG'], countries: ['DE'] },
  { form: 'UG (haftungsbeschränkt) & Co. KG', variants: ['UG (haftungsbeschränkt) & Co. KG', 'UG & Co. KG'], countries: ['DE'] },
  { form: 'AG', variants: ['AG', 'Aktiengesellschaft'], countries: ['DE', 'CH', 'AT'] },
  { form: 'SE', variants: ['SE', 'Societas Europaea'], countries: ['DE', 'FR', 'LU', 'NL', 'AT'] },
  { form: 'SE & Co. KG', variants: ['SE & Co. KG', 'SE & Co KG'], countries: ['DE'] },
  { form: 'KGaA', variants: ['KGaA', 'AG & Co. KGaA', 'SE & Co. KGaA', 'GmbH & Co. KGaA', 'Kommanditgesellschaft auf Aktien'], countries: ['DE'] },
  { form: 'KG', variants: ['KG', 'Kommanditgesellschaft'], countries: ['DE', 'AT'] },
  { form: 'OHG', variants: ['OHG', 'oHG', 'OG'], countries: ['DE', 'AT'] },
  { form: 'GbR', variants: ['GbR', 'Gesellschaft bürgerlichen Rechts'], countries: ['DE'] },
  { form: 'PartG', variants: ['PartG', 'PartG mbB', 'PartGmbB', 'Partnerschaftsgesellschaft', 'Partnerschaftsgesellschaft mbB'], countries: ['DE'] },
  { form: 'e. V.', variants: ['e. V.', 'e.V.', 'e.V', 'eingetragener Verein'], countries: ['DE'] },
  { form: 'eG', variants: ['eG', 'e.G.', 'eingetragene Genossenschaft'], countries: ['DE'] },
  // Austria's registered sole trader ("eingetragenes Unternehmen", UGB § 19)
  { form: 'e.U.', variants: ['e.U.', 'e. U.'], countries: ['AT'] },
  { form: 'e. K.', variants: ['e. K.', 'e.K.', 'e.Kfm.', 'e.Kfr.', 'eingetragener Kaufmann', 'eingetragene Kauffrau'], countries: ['DE'] },

  // English-speaking countries
  { form: 'Inc.', variants: ['Inc.', 'Inc', 'Incorporated'], countries: ['US', 'CA'] },
  { form: 'LLC', variants: ['LLC', 'L.L.C.', 'LLC.', 'Limited Liability Company'], countries: ['US'] },
  { form: 'Ltd', variants: ['Ltd.', 'Ltd', 'Limited', 'LTD'], countries: ['GB', 'IE', 'MT', 'CY', 'IL', 'NZ', 'HK'] },
  { form: 'Unlimited Company', variants: ['Unlimited Company', 'UC', 'ULC'], countries: ['IE'] },
  { form: 'DAC', variants: ['DAC', 'Designated Activity Company'], countries: ['IE'] },
  { form: 'PLC', variants: ['PLC', 'plc', 'Plc', 'p.l.c.', 'Public Limited Company'], countries: ['GB', 'IE'] },
  { form: 'Corp.', variants: ['Corp.', 'Corp', 'Corporation'], countries: ['US', 'CA'] },
  { form: 'Co.', variants: ['Co.', 'Company'], countries: ['US', 'GB'] },
  { form: 'LP', variants: ['LP', 'L.P.', 'Limited Partnership'], countries: ['US', 'GB'] },
  { form: 'LLP', variants: ['LLP', 'L.L.P.', 'Limited Liability Partnership'], countries: ['GB', 'US'] },
  { form: 'PBC', variants: ['PBC', 'Public Benefit Corporation'], countries: ['US'] },
  { form: 'Pty Ltd', variants: ['Pty Ltd', 'Pty. Ltd.', 'Pty Ltd.', 'Pty. Ltd', 'Pty Limited', 'Proprietary Limited'], countries: ['AU', 'ZA'] },
  { form: 'Pte. Ltd.', variants: ['Pte. Ltd.', 'Pte Ltd', 'Pte. Ltd', 'Pte Ltd.', 'Private Limited'], countries: ['SG', 'IN'] },
  { form: 'Pvt. Ltd.', variants: ['Pvt. Ltd.', 'Pvt Ltd', 'Private Limited Company'], countries: ['IN'] },

  // Romance-language countries
  { form: 'S.à r.l.', variants: ['S.à r.l.', 'S.à.r.l.', 'S.à r.l', 'S.a r.l.', 'S.a.r.l.', 'SARL', 'Sàrl', 'S.A.R.L.', 'Société à responsabilité limitée'], countries: ['LU', 'FR', 'CH', 'BE'] },
  { form: 'S.A.', variants: ['S.A.', 'SA', 'Société anonyme', 'Sociedad Anónima'], countries: ['FR', 'ES', 'LU', 'BE', 'CH', 'PL', 'PT'] },
  { form: 'S.C.A.', variants: ['S.C.A.', 'SCA', 'et Cie, S.C.A.', 'Société en commandite par actions'], countries: ['LU', 'FR', 'BE'] },
  { form: 'SAS', variants: ['SAS', 'S.A.S.', 'SASU', 'S.A.S.U.', 'Société par actions simplifiée'], countries: ['FR'] },
  { form: 'S.p.A.', variants: ['S.p.A.', 'SpA', 'S.P.A.'], countries: ['IT'] },
  { form: 'S.r.l.', variants: ['S.r.l.', 'Srl', 'SRL', 'S.R.L.'], countries: ['IT', 'RO', 'BE'] },
  { form: 'S.L.', variants: ['S.L.', 'SL', 'S.L.U.', 'SLU', 'Sociedad Limitada'], countries: ['ES'] },
  { form: 'Lda.', variants: ['Lda.', 'Lda', 'Limitada'], countries: ['PT'] },
  { form: 'Ltda.', variants: ['Ltda.', 'Ltda'], countries: ['BR'] },

  // Benelux and Nordics
  { form: 'B.V.', variants: ['B.V.', 'BV'], countries: ['NL', 'BE'] },
  { form: 'N.V.', variants: ['N.V.', 'NV'], countries: ['NL', 'BE'] },
  { form: 'AB', variants: ['AB', 'AB (publ)', 'Aktiebolag'], countries: ['SE'] },
  { form: 'A/S', variants: ['A/S'], countries: ['DK', 'NO'] },
  { form: 'AS', variants: ['AS', 'ASA'], countries: ['NO', 'EE'] },
  { form: 'ApS', variants: ['ApS'], countries: ['DK'] },
  { form: 'Oy', variants: ['Oy', 'Oyj', 'Ab Oy'], countries: ['FI'] },
  { form: 'ehf.', variants: ['ehf.', 'ehf', 'hf.'], countries: ['IS'] },

  // Central and Eastern Europe
  { form: 'OÜ', variants: ['OÜ', 'OU'], countries: ['EE'] },
  { form: 'UAB', variants: ['UAB'], countries: ['LT'] },
  { form: 'SIA', variants: ['SIA'], countries: ['LV'] },
  { form: 'Sp. z o.o.', variants: ['Sp. z o.o.', 'sp. z o.o.', 'Sp.z o.o.', 'Sp. z.o.o.', 'spółka z ograniczoną odpowiedzialnością'], countries: ['PL'] },
  { form: 's.r.o.', variants: ['s.r.o.', 'spol. s r.o.', 'S.R.O.'], countries: ['CZ', 'SK'] },
  { form: 'a.s.', variants: ['a.s.', 'A.S.'], countries: ['CZ', 'SK', 'TR'] },
  { form: 'Kft.', variants: ['Kft.', 'Kft'], countries: ['HU'] },
  { form: 'Zrt.', variants: ['Zrt.', 'Nyrt.'], countries: ['HU'] },
  { form: 'd.o.o.', variants: ['d.o.o.', 'd. o. o.', 'doo'], countries: ['SI', 'HR', 'RS', 'BA'] },
  { form: 'EOOD', variants: ['EOOD', 'OOD', 'EAD'], countries: ['BG'] },

  // Asia
  { form: 'K.K.', variants: ['K.K.', 'KK', 'Kabushiki Kaisha'], countries: ['JP'] },
  { form: 'Co., Ltd.', variants: ['Co., Ltd.', 'Co., Ltd', 'Co. Ltd.', 'Co.,Ltd.'], countries: ['CN', 'JP', 'KR', 'TW'] },
  { form: 'FZ-LLC', variants: ['FZ-LLC', 'FZ LLC', 'FZE', 'FZCO'], countries: ['AE'] },
];

interface CompiledVariant {
  form: LegalForm;
  pattern: RegExp;
}

/**
 * Bare two-letter forms (AG, SE, AS, SA, Co …) are also ordinary words or abbreviations,
 * so they only match in their registered capitalisation; everything longer or punctuated
 * is distinctive enough to match case-insensitively ("GMBH", "INC.").
 */
function isCaseSensitive(variant: string): boolean {
  return /^[A-Za-z]{1,2}$/.test(variant);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compile(form: LegalForm, variant: string): CompiledVariant {
  // Typed text varies in spacing around dots and ampersands ("e.V." / "e. V.", "Co.KG").
  const body = escapeRegExp(variant)
    .replace(/\\\.\s*/g, '\\.\\s*')
    .replace(/\s+/g, '\\s+')
    .replace(/\\s\*\\s\+/g, '\\s*');
  // The form must be its own token: preceded by start, whitespace, comma or bracket.
  const flags = isCaseSensitive(variant) ? 'u' : 'iu';
  return { form, pattern: new RegExp(`(?:^|[\\s,(])(${body})$`, flags) };
}

const COMPILED: readonly CompiledVariant[] = LEGAL_FORMS.flatMap((form) =>
  form.variants.map((variant) => compile(form, variant)),
);

export interface LegalFormMatch {
  form: LegalForm;
  /** The suffix as written in the name. */
  text: string;
  /** Offset of `text` in the trimmed name; the name before it is the base name. */
  start: number;
}

/** Trailing punctuation a sentence or list leaves behind after a name. */
const TRAILING_NOISE = /[\s,;:]+$/u;

/** Finds the legal form at the end of a company name; the longest suffix wins. */
export function matchLegalForm(name: string): LegalFormMatch | null {
  const trimmed = name.replace(TRAILING_NOISE, '');
  let best: LegalFormMatch | null = null;
  for (const { form, pattern } of COMPILED) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const text = m[1];
    if (!best || text.length > best.text.length) {
      best = { form, text, start: trimmed.length - text.length };
    }
  }
  return best;
}

export function legalFormOf(name: string): LegalForm | null {
  return matchLegalForm(name)?.form ?? null;
}

// Memoized: entity resolution strips the same names (a policy's organizations, the catalog's
// entities) again and again, each time trying every variant's pattern.
/** The name without its legal-form suffix and the comma that often precedes it. */
export const stripLegalForm: (name: string) => string = memoizeByString((name) => {
  const trimmed = name.replace(TRAILING_NOISE, '');
  const match = matchLegalForm(trimmed);
  return match ? trimmed.slice(0, match.start).replace(TRAILING_NOISE, '') : trimmed;
}, 8192);
