/**
 * Reference list of countries a privacy policy may name as a seat, processing location or
 * transfer destination. Codes are ISO 3166-1 alpha-2 (GB for the United Kingdom).
 *
 * `names` holds every surface form we expect in German or English text, including German
 * dative/genitive inflections ("in den Niederlanden", "im Vereinigten Königreich"), because
 * policies almost always name a country inside a prepositional phrase. Matching is
 * case-insensitive and done by the caller.
 */
export interface Country {
  code: string;
  nameEn: string;
  nameDe: string;
  names: string[];
  /** Stems of adjectives and compound prefixes ("US-amerikanisch", "irische", "US-Unternehmen"). */
  adjectives: string[];
  eu: boolean;
  eea: boolean;
  /**
   * Has a standing EU adequacy decision under Art. 45 GDPR covering the whole country.
   * The US is deliberately false: its adequacy decision (EU-US Data Privacy Framework)
   * only covers certified organizations, so a US transfer is adequate per recipient, not
   * per country.
   */
  adequacy: boolean;
}

type Status = 'eu' | 'eea' | 'adequate' | 'third';

const NO_GENITIVE = new Set(['FO', 'GG', 'JE', 'PH', 'TR']);

function country(
  code: string,
  nameEn: string,
  nameDe: string,
  status: Status,
  extraNames: string[] = [],
  adjectives: string[] = [],
): Country {
  const eu = status === 'eu';
  const eea = eu || status === 'eea';
  // the German genitive of a third country ("außerhalb Kanadas", "Angemessenheitsbeschluss Japans"): one word, not
  // ending in a sibilant or -e; not where it is an English word ("jerseys") or no genitive ("der Türkei", "der Philippinen")
  const genitive = !eea && /^[A-ZÄÖÜ][a-zäöüß]+[^sxzße]$/.test(nameDe) && !NO_GENITIVE.has(code) ? [`${nameDe}s`] : [];
  return {
    code,
    nameEn,
    nameDe,
    names: [...new Set([nameEn, nameDe, ...extraNames, ...genitive])],
    adjectives,
    eu,
    eea,
    adequacy: status === 'adequate',
  };
}

export const COUNTRIES: readonly Country[] = [
  // EU member states
  country('AT', 'Austria', 'Österreich', 'eu', ['Republik Österreich'], ['österreichisch']),
  country('BE', 'Belgium', 'Belgien', 'eu', ['Königreich Belgien'], ['belgisch', 'Belgian']),
  country('BG', 'Bulgaria', 'Bulgarien', 'eu', [], ['bulgarisch', 'Bulgarian']),
  country('HR', 'Croatia', 'Kroatien', 'eu', ['Hrvatska'], ['kroatisch', 'Croatian']),
  country('CY', 'Cyprus', 'Zypern', 'eu', ['Republik Zypern'], ['zyprisch', 'Cypriot']),
  country('CZ', 'Czechia', 'Tschechien', 'eu', ['Czech Republic', 'Tschechische Republik', 'Tschechischen Republik'], ['tschechisch', 'Czech']),
  country('DK', 'Denmark', 'Dänemark', 'eu', ['Königreich Dänemark'], ['dänisch', 'Danish']),
  country('EE', 'Estonia', 'Estland', 'eu', ['Republik Estland'], ['estnisch', 'Estonian']),
  country('FI', 'Finland', 'Finnland', 'eu', ['Suomi'], ['finnisch', 'Finnish']),
  country('FR', 'France', 'Frankreich', 'eu', ['Französische Republik', 'Französischen Republik'], ['französisch', 'French']),
  country('DE', 'Germany', 'Deutschland', 'eu', ['Bundesrepublik Deutschland', 'BRD', 'Federal Republic of Germany'], ['deutsch', 'German']),
  country('GR', 'Greece', 'Griechenland', 'eu', ['Hellas'], ['griechisch', 'Greek']),
  country('HU', 'Hungary', 'Ungarn', 'eu', [], ['ungarisch', 'Hungarian']),
  country('IE', 'Ireland', 'Irland', 'eu', ['Republic of Ireland', 'Republik Irland', 'Éire'], ['irisch', 'Irish']),
  country('IT', 'Italy', 'Italien', 'eu', ['Italia'], ['italienisch', 'Italian']),
  country('LV', 'Latvia', 'Lettland', 'eu', [], ['lettisch', 'Latvian']),
  country('LT', 'Lithuania', 'Litauen', 'eu', [], ['litauisch', 'Lithuanian']),
  country('LU', 'Luxembourg', 'Luxemburg', 'eu', ['Großherzogtum Luxemburg', 'Grand Duchy of Luxembourg', 'Luxemburgs'], ['luxemburgisch', 'Luxembourgish']),
  country('MT', 'Malta', 'Malta', 'eu', [], ['maltesisch', 'Maltese']),
  country('NL', 'Netherlands', 'Niederlande', 'eu', ['Niederlanden', 'The Netherlands', 'Holland', 'Königreich der Niederlande'], ['niederländisch', 'holländisch', 'Dutch']),
  country('PL', 'Poland', 'Polen', 'eu', ['Republik Polen'], ['polnisch', 'Polish']),
  country('PT', 'Portugal', 'Portugal', 'eu', [], ['portugiesisch', 'Portuguese']),
  country('RO', 'Romania', 'Rumänien', 'eu', [], ['rumänisch', 'Romanian']),
  country('SK', 'Slovakia', 'Slowakei', 'eu', ['Slowakische Republik', 'Slowakischen Republik', 'Slovak Republic'], ['slowakisch', 'Slovak']),
  country('SI', 'Slovenia', 'Slowenien', 'eu', [], ['slowenisch', 'Slovenian']),
  country('ES', 'Spain', 'Spanien', 'eu', ['España', 'Königreich Spanien'], ['spanisch', 'Spanish']),
  country('SE', 'Sweden', 'Schweden', 'eu', ['Königreich Schweden', 'Sverige'], ['schwedisch', 'Swedish']),

  // EEA members outside the EU
  country('IS', 'Iceland', 'Island', 'eea', [], ['isländisch', 'Icelandic']),
  country('LI', 'Liechtenstein', 'Liechtenstein', 'eea', ['Fürstentum Liechtenstein'], ['liechtensteinisch']),
  country('NO', 'Norway', 'Norwegen', 'eea', ['Königreich Norwegen', 'Norge'], ['norwegisch', 'Norwegian']),

  // Countries with an EU adequacy decision (Art. 45 GDPR)
  country('AD', 'Andorra', 'Andorra', 'adequate', ['Fürstentum Andorra'], ['andorranisch']),
  country('AR', 'Argentina', 'Argentinien', 'adequate', [], ['argentinisch', 'Argentine', 'Argentinian']),
  country('CA', 'Canada', 'Kanada', 'adequate', [], ['kanadisch', 'Canadian']),
  country('FO', 'Faroe Islands', 'Färöer', 'adequate', ['Färöer-Inseln', 'Färöern', 'Färöer Inseln', 'Faroes'], ['färöisch', 'Faroese']),
  country('GG', 'Guernsey', 'Guernsey', 'adequate', ['Bailiwick of Guernsey'], []),
  country('IL', 'Israel', 'Israel', 'adequate', ['State of Israel', 'Staat Israel'], ['israelisch', 'Israeli']),
  country('IM', 'Isle of Man', 'Isle of Man', 'adequate', ['Insel Man'], ['Manx']),
  country('JP', 'Japan', 'Japan', 'adequate', [], ['japanisch', 'Japanese']),
  country('JE', 'Jersey', 'Jersey', 'adequate', ['Bailiwick of Jersey'], []),
  country('NZ', 'New Zealand', 'Neuseeland', 'adequate', [], ['neuseeländisch', 'New Zealand']),
  country('KR', 'South Korea', 'Südkorea', 'adequate', ['Republic of Korea', 'Republik Korea', 'Korea'], ['südkoreanisch', 'koreanisch', 'Korean', 'South Korean']),
  country('CH', 'Switzerland', 'Schweiz', 'adequate', ['Schweizerische Eidgenossenschaft', 'Swiss Confederation', 'Suisse', 'Svizzera'], ['schweizerisch', 'Schweizer', 'Swiss']),
  country('GB', 'United Kingdom', 'Vereinigtes Königreich', 'adequate', [
    'Vereinigten Königreich', 'Vereinigten Königreichs', 'Vereinigte Königreich', 'Großbritanniens', 'Großbritannien', 'Grossbritannien', 'UK', 'U.K.',
    'Great Britain', 'England', 'United Kingdom of Great Britain and Northern Ireland', 'Britain',
  ], ['britisch', 'englisch', 'UK-', 'British']),
  country('UY', 'Uruguay', 'Uruguay', 'adequate', [], ['uruguayisch', 'Uruguayan']),

  // The US: adequacy only per certified recipient under the EU-US Data Privacy Framework,
  // therefore not adequate as a country.
  country('US', 'United States', 'Vereinigte Staaten', 'third', [
    'USA', 'U.S.', 'U.S.A.', 'US', 'United States of America', 'Vereinigten Staaten',
    'Vereinigte Staaten von Amerika', 'Vereinigten Staaten von Amerika', 'Amerika', 'America', 'the States',
  ], ['US-amerikanisch', 'amerikanisch', 'US-', 'U.S.-', 'American']),

  // Other third countries
  country('AL', 'Albania', 'Albanien', 'third', [], ['albanisch', 'Albanian']),
  country('AU', 'Australia', 'Australien', 'third', ['Commonwealth of Australia'], ['australisch', 'Australian']),
  country('BA', 'Bosnia and Herzegovina', 'Bosnien und Herzegowina', 'third', ['Bosnien-Herzegowina'], ['bosnisch', 'Bosnian']),
  country('BD', 'Bangladesh', 'Bangladesch', 'third', [], ['bangladeschisch']),
  country('BH', 'Bahrain', 'Bahrain', 'third', [], ['bahrainisch']),
  country('BR', 'Brazil', 'Brasilien', 'third', ['Brasil'], ['brasilianisch', 'Brazilian']),
  country('BY', 'Belarus', 'Belarus', 'third', ['Weißrussland'], ['belarussisch', 'weißrussisch', 'Belarusian']),
  country('CL', 'Chile', 'Chile', 'third', [], ['chilenisch', 'Chilean']),
  country('CN', 'China', 'China', 'third', ['Volksrepublik China', "People's Republic of China", 'PRC', 'VR China'], ['chinesisch', 'Chinese']),
  country('CO', 'Colombia', 'Kolumbien', 'third', [], ['kolumbianisch', 'Colombian']),
  country('CR', 'Costa Rica', 'Costa Rica', 'third', [], ['costa-ricanisch']),
  country('EG', 'Egypt', 'Ägypten', 'third', [], ['ägyptisch', 'Egyptian']),
  country('GE', 'Georgia', 'Georgien', 'third', [], ['georgisch', 'Georgian']),
  country('HK', 'Hong Kong', 'Hongkong', 'third', ['Hong Kong SAR', 'Sonderverwaltungszone Hongkong'], ['hongkonger']),
  country('ID', 'Indonesia', 'Indonesien', 'third', [], ['indonesisch', 'Indonesian']),
  country('IN', 'India', 'Indien', 'third', ['Republic of India', 'Bharat'], ['indisch', 'Indian']),
  country('JO', 'Jordan', 'Jordanien', 'third', [], ['jordanisch', 'Jordanian']),
  country('KE', 'Kenya', 'Kenia', 'third', [], ['kenianisch', 'Kenyan']),
  country('KW', 'Kuwait', 'Kuwait', 'third', [], ['kuwaitisch']),
  country('KZ', 'Kazakhstan', 'Kasachstan', 'third', [], ['kasachisch', 'Kazakh']),
  country('LB', 'Lebanon', 'Libanon', 'third', [], ['libanesisch', 'Lebanese']),
  country('LK', 'Sri Lanka', 'Sri Lanka', 'third', [], ['sri-lankisch', 'Sri Lankan']),
  country('MA', 'Morocco', 'Marokko', 'third', [], ['marokkanisch', 'Moroccan']),
  country('MC', 'Monaco', 'Monaco', 'third', ['Fürstentum Monaco'], ['monegassisch']),
  country('MD', 'Moldova', 'Moldau', 'third', ['Republik Moldau', 'Moldawien'], ['moldauisch', 'Moldovan']),
  country('ME', 'Montenegro', 'Montenegro', 'third', [], ['montenegrinisch']),
  country('MK', 'North Macedonia', 'Nordmazedonien', 'third', ['Mazedonien', 'Macedonia'], ['mazedonisch', 'Macedonian']),
  country('MU', 'Mauritius', 'Mauritius', 'third', [], ['mauritisch']),
  country('MX', 'Mexico', 'Mexiko', 'third', ['México'], ['mexikanisch', 'Mexican']),
  country('MY', 'Malaysia', 'Malaysia', 'third', [], ['malaysisch', 'Malaysian']),
  country('NG', 'Nigeria', 'Nigeria', 'third', [], ['nigerianisch', 'Nigerian']),
  country('PE', 'Peru', 'Peru', 'third', [], ['peruanisch', 'Peruvian']),
  country('PH', 'Philippines', 'Philippinen', 'third', ['the Philippines'], ['philippinisch', 'Filipino', 'Philippine']),
  country('PK', 'Pakistan', 'Pakistan', 'third', [], ['pakistanisch', 'Pakistani']),
  country('QA', 'Qatar', 'Katar', 'third', ['Qatar'], ['katarisch', 'Qatari']),
  country('RS', 'Serbia', 'Serbien', 'third', ['Republik Serbien'], ['serbisch', 'Serbian']),
  country('RU', 'Russia', 'Russland', 'third', ['Russische Föderation', 'Russischen Föderation', 'Russian Federation'], ['russisch', 'Russian']),
  country('SA', 'Saudi Arabia', 'Saudi-Arabien', 'third', ['Saudi Arabien', 'Königreich Saudi-Arabien'], ['saudi-arabisch', 'saudisch', 'Saudi']),
  country('SG', 'Singapore', 'Singapur', 'third', ['Republic of Singapore'], ['singapurisch', 'Singaporean']),
  country('TH', 'Thailand', 'Thailand', 'third', [], ['thailändisch', 'Thai']),
  country('TN', 'Tunisia', 'Tunesien', 'third', [], ['tunesisch', 'Tunisian']),
  country('TR', 'Turkey', 'Türkei', 'third', ['Türkiye', 'Republik Türkei'], ['türkisch', 'Turkish']),
  country('TW', 'Taiwan', 'Taiwan', 'third', ['Republic of China (Taiwan)'], ['taiwanisch', 'Taiwanese']),
  country('UA', 'Ukraine', 'Ukraine', 'third', [], ['ukrainisch', 'Ukrainian']),
  country('AE', 'United Arab Emirates', 'Vereinigte Arabische Emirate', 'third', [
    'Vereinigten Arabischen Emiraten', 'Vereinigten Arabischen Emirate', 'VAE', 'UAE', 'U.A.E.', 'Emirates', 'Dubai',
  ], ['emiratisch', 'Emirati']),
  country('VN', 'Vietnam', 'Vietnam', 'third', ['Viet Nam'], ['vietnamesisch', 'Vietnamese']),
  country('ZA', 'South Africa', 'Südafrika', 'third', ['Republic of South Africa', 'Republik Südafrika'], ['südafrikanisch', 'South African']),
];

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code.toUpperCase());
}

export function isEuOrEea(code: string): boolean {
  return countryByCode(code)?.eea ?? false;
}

/**
 * A third country in GDPR terms is anything outside the EEA. Unknown codes count as third
 * countries: treating an unrecognised destination as safe would hide a transfer.
 */
export function isThirdCountry(code: string): boolean {
  return !isEuOrEea(code);
}
