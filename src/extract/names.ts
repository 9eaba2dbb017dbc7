import { LEGAL_FORMS } from '../kb/legalForms.js';

const FORM_WORDS = new Set(
  LEGAL_FORMS.flatMap((f) => [f.form, ...f.variants])
    .flatMap((v) => tokenize(v, false))
    .concat(['haftungsbeschrankt', 'haftungsbeschraenkt', 'co', 'cie', 'et', 'the']),
);

function tokenize(s: string, dropForms = true): string[] {
  const toks = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  return dropForms ? toks.filter((t) => !FORM_WORDS.has(t)) : toks;
}

// Entity resolution compares the same few dozen names (the document's organizations, the
// catalog's legal entities) thousands of times per document, and the catalog's names recur
// across documents. Tokens depend on the string alone, so they are kept by string; the cache is
// emptied when it grows past its bound, so it cannot grow with the number of documents.
const CACHE_LIMIT = 8192;
const tokensOf = new Map<string, readonly string[]>();
const keysOf = new Map<string, string>();

/** The words of a name without legal form, case and punctuation: "Zoom Communications, Inc." → ["zoom", "communications"]. Shared: do not mutate. */
export function nameTokens(name: string): readonly string[] {
  let toks = tokensOf.get(name);
  if (!toks) {
    if (tokensOf.size >= CACHE_LIMIT) tokensOf.clear();
    toks = Object.freeze(tokenize(name));
    tokensOf.set(name, toks);
  }
  return toks;
}

export function nameKey(name: string): string {
  let key = keysOf.get(name);
  if (key === undefined) {
    if (keysOf.size >= CACHE_LIMIT) keysOf.clear();
    key = nameTokens(name).join(' ');
    keysOf.set(name, key);
  }
  return key;
}

export { stripLegalForm } from '../kb/legalForms.js';
