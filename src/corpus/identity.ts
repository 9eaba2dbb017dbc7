/**
 * Invented controllers for the load corpus: company name, legal form, address in a German
 * city, contact details, managing directors. Every name is made up from word lists; any
 * resemblance to a real company is accidental.
 *
 * The name core is a bijective function of the document index, so a corpus never contains
 * two documents of the same controller; everything else varies with the random stream.
 */
import type { Rng } from './random.js';

const PREFIXES = [
  'Nord', 'Süd', 'Alpen', 'Rhein', 'Elb', 'Main', 'Donau', 'Isar', 'Weser', 'Havel', 'Spree', 'Ostsee',
  'Nordsee', 'Harz', 'Eifel', 'Taunus', 'Sonnen', 'Mond', 'Stern', 'Licht', 'Blau', 'Grün', 'Silber', 'Gold',
  'Kupfer', 'Eisen', 'Kristall', 'Berg', 'Tal', 'Wald', 'Feld', 'Wiesen', 'Quell', 'Stein', 'Eichen', 'Linden',
  'Birken', 'Tannen', 'Ahorn', 'Buchen', 'Falken', 'Adler', 'Kranich', 'Möwen', 'Fuchs', 'Luchs', 'Biber',
  'Hirsch', 'Bären', 'Löwen', 'Greif', 'Anker', 'Kompass', 'Leucht', 'Brücken', 'Turm', 'Markt', 'Hafen',
  'Zirkel', 'Prisma', 'Pixel', 'Daten', 'Netz', 'Code', 'Wolken', 'Smart', 'Neo', 'Proto', 'Vita', 'Medi',
  'Terra', 'Aqua', 'Sol', 'Astra', 'Nova', 'Vario', 'Opti', 'Multi', 'Fein', 'Klar',
] as const;

const SUFFIXES = [
  'werk', 'haus', 'hof', 'feld', 'blick', 'licht', 'punkt', 'kraft', 'weg', 'bau', 'form', 'wert', 'zeit',
  'quelle', 'brücke', 'tor', 'land', 'garten', 'grund', 'welle', 'linie', 'raum', 'kontor', 'stadt', 'wind',
  'fels', 'mark', 'burg', 'born', 'ring', 'bogen', 'kreis', 'pfad', 'ufer', 'lux', 'tec', 'soft', 'med',
  'plan', 'logic', 'data', 'media', 'vision', 'concept', 'werft', 'bahn', 'schmiede', 'manufaktur', 'sinn', 'art',
] as const;

const SECTORS = [
  'Logistik', 'Software', 'Immobilien', 'Medizintechnik', 'Steuerberatung', 'Gebäudetechnik', 'Energie',
  'Personalberatung', 'Maschinenbau', 'Werbung', 'Druck', 'Verlag', 'Reisen', 'Handel', 'Versand',
  'Elektrotechnik', 'Solartechnik', 'Haustechnik', 'Bau', 'Architektur', 'Zahntechnik', 'Pflege', 'Gesundheit',
  'Physiotherapie', 'Optik', 'Akustik', 'Möbel', 'Textil', 'Mode', 'Naturkost', 'Feinkost', 'Kaffeerösterei',
  'Brauerei', 'Weinhandel', 'Fahrradhandel', 'Autohaus', 'Mobilität', 'Sicherheitstechnik', 'Umwelttechnik',
  'Recycling', 'Sprachschule', 'Akademie', 'Bildung', 'Events', 'Fotografie', 'Design', 'Kommunikation',
  'Marketing', 'Consulting', 'Solutions', 'Digital', 'Systems', 'Labs', 'Services', 'Technologies', 'Media',
  'Ventures', 'Finanzplanung', 'Versicherungsmakler', 'Hausverwaltung',
] as const;

/** Only used once the index exceeds the number of plain name cores. */
const QUALIFIERS = ['Süd', 'Nord', 'West', 'Ost', 'Rhein-Main', 'Rhein-Ruhr', 'Bayern', 'Sachsen', 'Franken', 'Baden', 'Hanse', 'Mitte'] as const;

const NAME_CORES = PREFIXES.length * SUFFIXES.length * SECTORS.length;
/** Coprime to NAME_CORES, so i -> i * STRIDE mod NAME_CORES is a permutation that scatters neighbours. */
const STRIDE = 7919;

interface City {
  name: string;
  state: GermanState;
  /** Inclusive postcode range of the city. */
  postcodes: readonly [number, number];
  areaCode: string;
}

export type GermanState =
  | 'BW' | 'BY' | 'BE' | 'BB' | 'HB' | 'HH' | 'HE' | 'MV' | 'NI' | 'NW' | 'RP' | 'SL' | 'SN' | 'ST' | 'SH' | 'TH';

const CITIES: readonly City[] = [
  { name: 'Berlin', state: 'BE', postcodes: [10115, 14199], areaCode: '30' },
  { name: 'Hamburg', state: 'HH', postcodes: [20095, 22769], areaCode: '40' },
  { name: 'München', state: 'BY', postcodes: [80331, 81929], areaCode: '89' },
  { name: 'Köln', state: 'NW', postcodes: [50667, 51149], areaCode: '221' },
  { name: 'Frankfurt am Main', state: 'HE', postcodes: [60306, 60599], areaCode: '69' },
  { name: 'Stuttgart', state: 'BW', postcodes: [70173, 70629], areaCode: '711' },
  { name: 'Düsseldorf', state: 'NW', postcodes: [40210, 40629], areaCode: '211' },
  { name: 'Leipzig', state: 'SN', postcodes: [4103, 4357], areaCode: '341' },
  { name: 'Dortmund', state: 'NW', postcodes: [44135, 44388], areaCode: '231' },
  { name: 'Essen', state: 'NW', postcodes: [45127, 45359], areaCode: '201' },
  { name: 'Bremen', state: 'HB', postcodes: [28195, 28779], areaCode: '421' },
  { name: 'Dresden', state: 'SN', postcodes: [1067, 1328], areaCode: '351' },
  { name: 'Hannover', state: 'NI', postcodes: [30159, 30669], areaCode: '511' },
  { name: 'Nürnberg', state: 'BY', postcodes: [90402, 90491], areaCode: '911' },
  { name: 'Bochum', state: 'NW', postcodes: [44787, 44894], areaCode: '234' },
  { name: 'Bielefeld', state: 'NW', postcodes: [33602, 33739], areaCode: '521' },
  { name: 'Bonn', state: 'NW', postcodes: [53111, 53229], areaCode: '228' },
  { name: 'Münster', state: 'NW', postcodes: [48143, 48167], areaCode: '251' },
  { name: 'Karlsruhe', state: 'BW', postcodes: [76131, 76229], areaCode: '721' },
  { name: 'Mannheim', state: 'BW', postcodes: [68159, 68309], areaCode: '621' },
  { name: 'Augsburg', state: 'BY', postcodes: [86150, 86199], areaCode: '821' },
  { name: 'Wiesbaden', state: 'HE', postcodes: [65183, 65207], areaCode: '611' },
  { name: 'Freiburg im Breisgau', state: 'BW', postcodes: [79098, 79117], areaCode: '761' },
  { name: 'Kiel', state: 'SH', postcodes: [24103, 24159], areaCode: '431' },
  { name: 'Mainz', state: 'RP', postcodes: [55116, 55131], areaCode: '6131' },
  { name: 'Rostock', state: 'MV', postcodes: [18055, 18147], areaCode: '381' },
  { name: 'Erfurt', state: 'TH', postcodes: [99084, 99099], areaCode: '361' },
  { name: 'Magdeburg', state: 'ST', postcodes: [39104, 39130], areaCode: '391' },
  { name: 'Saarbrücken', state: 'SL', postcodes: [66111, 66133], areaCode: '681' },
  { name: 'Potsdam', state: 'BB', postcodes: [14467, 14482], areaCode: '331' },
  { name: 'Regensburg', state: 'BY', postcodes: [93047, 93059], areaCode: '941' },
  { name: 'Heidelberg', state: 'BW', postcodes: [69115, 69126], areaCode: '6221' },
  { name: 'Göttingen', state: 'NI', postcodes: [37073, 37085], areaCode: '551' },
  { name: 'Würzburg', state: 'BY', postcodes: [97070, 97084], areaCode: '931' },
  { name: 'Osnabrück', state: 'NI', postcodes: [49074, 49090], areaCode: '541' },
  { name: 'Lübeck', state: 'SH', postcodes: [23552, 23570], areaCode: '451' },
  { name: 'Oldenburg', state: 'NI', postcodes: [26121, 26135], areaCode: '441' },
  { name: 'Darmstadt', state: 'HE', postcodes: [64283, 64297], areaCode: '6151' },
  { name: 'Jena', state: 'TH', postcodes: [7743, 7749], areaCode: '3641' },
  { name: 'Chemnitz', state: 'SN', postcodes: [9111, 9131], areaCode: '371' },
  { name: 'Halle (Saale)', state: 'ST', postcodes: [6108, 6132], areaCode: '345' },
  { name: 'Kassel', state: 'HE', postcodes: [34117, 34134], areaCode: '561' },
  { name: 'Aachen', state: 'NW', postcodes: [52062, 52080], areaCode: '241' },
  { name: 'Trier', state: 'RP', postcodes: [54290, 54296], areaCode: '651' },
  { name: 'Schwerin', state: 'MV', postcodes: [19053, 19063], areaCode: '385' },
  { name: 'Cottbus', state: 'BB', postcodes: [3042, 3055], areaCode: '355' },
  { name: 'Flensburg', state: 'SH', postcodes: [24937, 24944], areaCode: '461' },
  { name: 'Ulm', state: 'BW', postcodes: [89073, 89081], areaCode: '731' },
];

const STREET_STEMS = [
  'Linden', 'Birken', 'Goethe', 'Schiller', 'Bahnhof', 'Haupt', 'Kirch', 'Markt', 'Garten', 'Rosen', 'Berg',
  'Wiesen', 'Mühlen', 'Industrie', 'Hafen', 'Post', 'Schul', 'Park', 'Kastanien', 'Ahorn', 'Brunnen', 'Feld',
  'Sonnen', 'Wald', 'Ring', 'Bismarck', 'Uhland', 'Lessing', 'Mozart', 'Beethoven', 'Eichendorff', 'Heine',
  'Gutenberg', 'Humboldt', 'Kant', 'Leibniz', 'Planck', 'Röntgen', 'Siemens', 'Daimler', 'Benz', 'Diesel',
];
const STREET_TYPES = ['straße', 'str.', 'weg', 'allee', 'platz', 'ring', 'damm', 'gasse'] as const;
const PERSON_STREETS = ['Friedrich-Ebert-Straße', 'Konrad-Adenauer-Ring', 'Willy-Brandt-Allee', 'Max-Planck-Straße', 'Robert-Bosch-Straße', 'Carl-Zeiss-Weg', 'Otto-Hahn-Straße', 'Rudolf-Diesel-Straße', 'Albert-Einstein-Ring', 'Theodor-Heuss-Platz'];

const FIRST_NAMES = [
  'Anna', 'Lena', 'Sophie', 'Marie', 'Julia', 'Laura', 'Katharina', 'Sabine', 'Claudia', 'Birgit', 'Petra',
  'Miriam', 'Nadine', 'Jana', 'Carolin', 'Franziska', 'Eva', 'Ines', 'Ayşe', 'Elif', 'Lukas', 'Jonas', 'Felix',
  'Maximilian', 'Paul', 'Tobias', 'Michael', 'Thomas', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Jan',
  'Florian', 'Sebastian', 'Matthias', 'Daniel', 'Alexander', 'Oliver', 'Mehmet', 'Piotr', 'Dimitri', 'Henrik',
];
const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Zimmermann', 'Hartmann',
  'Krüger', 'Lange', 'Werner', 'Lehmann', 'Köhler', 'Maier', 'Herrmann', 'König', 'Walter', 'Kaiser', 'Fuchs',
  'Peters', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank',
  'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Yılmaz', 'Nowak', 'Kowalski', 'Petrović',
];

const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['GmbH', 50], ['GmbH & Co. KG', 10], ['UG (haftungsbeschränkt)', 8], ['AG', 5], ['e.K.', 4], ['KG', 3],
  ['GbR', 3], ['OHG', 2], ['SE', 1], ['PartG mbB', 2], ['eG', 1], ['gGmbH', 2], ['e.V.', 2],
];

export interface Person {
  first: string;
  last: string;
}

export interface Controller {
  name: string;
  /** The name without legal form, as a policy uses it after introducing the company. */
  shortName: string;
  legalForm: string;
  street: string;
  postcode: string;
  city: string;
  state: GermanState;
  phone: string;
  email: string;
  domain: string;
  managers: Person[];
}

export function personName(p: Person): string {
  return `${p.first} ${p.last}`;
}

function person(rng: Rng): Person {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(SURNAMES) };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function street(rng: Rng): string {
  const number = `${rng.int(1, 180)}${rng.chance(0.12) ? rng.pick(['a', 'b', 'c']) : ''}`;
  if (rng.chance(0.15)) return `${rng.pick(PERSON_STREETS)} ${number}`;
  if (rng.chance(0.1)) return `Am ${rng.pick(STREET_STEMS)}${rng.pick(['berg', 'park', 'hof', 'tor'])} ${number}`;
  return `${rng.pick(STREET_STEMS)}${rng.pick(STREET_TYPES)} ${number}`;
}

/** The distinct name core of document `index`: prefix+suffix, sector and, past the first cycle, a qualifier. */
function nameCore(index: number): string {
  const cycle = Math.floor(index / NAME_CORES);
  let j = (index % NAME_CORES) * STRIDE % NAME_CORES;
  const sector = SECTORS[j % SECTORS.length];
  j = Math.floor(j / SECTORS.length);
  const suffix = SUFFIXES[j % SUFFIXES.length];
  const prefix = PREFIXES[Math.floor(j / SUFFIXES.length)];
  const qualifier = cycle === 0 ? '' : ` ${QUALIFIERS[(cycle - 1) % QUALIFIERS.length]}${cycle > QUALIFIERS.length ? ` ${Math.ceil(cycle / QUALIFIERS.length)}` : ''}`;
  return `${prefix}${suffix} ${sector}${qualifier}`;
}

export function makeController(index: number, rng: Rng): Controller {
  const core = nameCore(index);
  const legalForm = rng.weighted(LEGAL_FORMS);
  const city = rng.pick(CITIES);
  const managers = Array.from({ length: rng.weighted([[1, 6], [2, 3], [3, 1]] as const) }, () => person(rng));
  // Sole traders and partnerships carry the owner's name, as the law requires them to.
  const owner = managers[0];
  const name = legalForm === 'e.K.' ? `${core} ${owner.first} ${owner.last} e.K.`
    : legalForm === 'GbR' ? `${core} ${owner.last} & ${managers[1]?.last ?? rng.pick(SURNAMES)} GbR`
      : legalForm === 'e.V.' ? `Förderverein ${core} e.V.`
        : `${core} ${legalForm}`;
  const domain = `${slug(core)}.${rng.weighted([['de', 8], ['com', 2], ['eu', 1], ['net', 1]] as const)}`;
  const postcode = String(rng.int(city.postcodes[0], city.postcodes[1])).padStart(5, '0');
  const localPart = rng.pick(['datenschutz', 'info', 'kontakt', 'privacy', 'office', 'hallo']);
  return {
    name,
    shortName: core,
    legalForm,
    street: street(rng),
    postcode,
    city: city.name,
    state: city.state,
    phone: `+49 ${city.areaCode} ${rng.int(100000, 9999999)}`,
    email: `${localPart}@${domain}`,
    domain,
    managers,
  };
}

/** An invented external data protection officer firm with a contact person. */
export function makeDpo(rng: Rng): { person: Person; firm: string | null; email: string } {
  const p = person(rng);
  const firm = rng.chance(0.5)
    ? `${rng.pick(PREFIXES)}${rng.pick(SUFFIXES)} ${rng.pick(['Datenschutz', 'Compliance', 'Datenschutzberatung', 'Privacy Consulting'])} ${rng.pick(['GmbH', 'UG (haftungsbeschränkt)', 'GbR', 'PartG mbB'])}`
    : null;
  return { person: p, firm, email: `${slug(p.last)}@${firm ? `${slug(firm.split(' ')[0])}-datenschutz.de` : 'datenschutz-extern.de'}` };
}
