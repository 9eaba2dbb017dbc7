// Cities where the companies policies name are seated, with their country: "X GmbH, Berlin",
// "Y AG aus Zürich", "Z Ltd, London" say where X, Y and Z sit without naming a country. German and
// English spellings. Names that are also common words, or cities of the same name in several
// countries (Cambridge, Frankfurt an der Oder aside), are left out: a wrong seat is worse than none.

const CITIES: Record<string, string[]> = {
  DE: [
    'Berlin', 'Hamburg', 'München', 'Munich', 'Köln', 'Cologne', 'Frankfurt am Main', 'Frankfurt', 'Stuttgart', 'Düsseldorf',
    'Leipzig', 'Dresden', 'Hannover', 'Hanover', 'Nürnberg', 'Nuremberg', 'Bremen', 'Dortmund', 'Bonn', 'Karlsruhe',
    'Mannheim', 'Münster', 'Montabaur', 'Walldorf', 'Jena', 'Potsdam', 'Mainz', 'Wiesbaden', 'Kiel', 'Lübeck', 'Rostock',
    'Augsburg', 'Freiburg im Breisgau', 'Heidelberg', 'Regensburg', 'Ingolstadt', 'Würzburg', 'Erlangen', 'Darmstadt',
    'Aachen', 'Bielefeld', 'Bochum', 'Wuppertal', 'Duisburg', 'Kassel', 'Braunschweig', 'Magdeburg', 'Erfurt', 'Saarbrücken',
    'Oldenburg', 'Osnabrück', 'Göttingen', 'Gunzenhausen', 'Unterföhring', 'Ismaning', 'Eschborn',
  ],
  AT: ['Wien', 'Vienna', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt'],
  CH: ['Zürich', 'Zurich', 'Genf', 'Geneva', 'Genève', 'Basel', 'Bern', 'Lausanne', 'Luzern', 'Lucerne', 'St. Gallen', 'Zug', 'Winterthur'],
  IE: ['Dublin', 'Cork', 'Galway', 'Limerick'],
  NL: ['Amsterdam', 'Rotterdam', 'Den Haag', 'The Hague', 'Utrecht', 'Eindhoven'],
  FR: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Roubaix'],
  BE: ['Brüssel', 'Brussels', 'Bruxelles', 'Antwerpen', 'Antwerp', 'Gent', 'Ghent'],
  DK: ['Kopenhagen', 'Copenhagen', 'København', 'Aarhus'],
  SE: ['Stockholm', 'Göteborg', 'Gothenburg', 'Malmö'],
  FI: ['Helsinki', 'Espoo'],
  NO: ['Oslo'],
  ES: ['Madrid', 'Barcelona', 'Valencia'],
  IT: ['Rom', 'Rome', 'Roma', 'Mailand', 'Milan', 'Milano'],
  PL: ['Warschau', 'Warsaw', 'Warszawa', 'Krakau', 'Kraków', 'Krakow', 'Breslau', 'Wrocław'],
  CZ: ['Prag', 'Prague', 'Praha', 'Brünn', 'Brno'],
  EE: ['Tallinn', 'Tartu'],
  LT: ['Vilnius'],
  LV: ['Riga'],
  PT: ['Lissabon', 'Lisbon', 'Lisboa'],
  GB: ['London', 'Manchester', 'Edinburgh', 'Birmingham', 'Bristol', 'Leeds', 'Glasgow', 'Belfast', 'Oxford'],
  US: [
    'New York', 'San Francisco', 'Seattle', 'Mountain View', 'Menlo Park', 'Palo Alto', 'Redmond', 'San Jose', 'Los Angeles',
    'Boston', 'Chicago', 'Austin', 'Atlanta', 'Denver', 'Sunnyvale', 'Cupertino', 'Santa Clara', 'San Mateo', 'Miami',
    'Salt Lake City', 'Boulder', 'Portland', 'San Diego', 'Dallas', 'Houston', 'Philadelphia',
  ],
  CA: ['Toronto', 'Vancouver', 'Montreal', 'Montréal', 'Ottawa'],
  IL: ['Tel Aviv'],
  AU: ['Sydney', 'Melbourne'],
  JP: ['Tokio', 'Tokyo'],
};

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(CITIES)) for (const n of names) BY_NAME.set(n.toLowerCase(), code);

/** The country of a city name as written (any case), if the list has it. */
export function countryOfCity(name: string): string | null {
  return BY_NAME.get(name.trim().toLowerCase()) ?? null;
}

/** Every city name of the list, longest first (for an alternation that prefers "Frankfurt am Main" to "Frankfurt"). */
export const CITY_NAMES: readonly string[] = Object.values(CITIES)
  .flat()
  .sort((a, b) => b.length - a.length);
