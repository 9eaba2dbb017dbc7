import { LEGAL_FORMS } from '../kb/legalForms.js';
import { memoizeByString } from '../util/memoize.js';

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
// across documents: tokens and keys are memoized by string.
const CACHE_LIMIT = 8192;

/** The words of a name without legal form, case and punctuation: "Zoom Communications, Inc." → ["zoom", "communications"]. Shared: do not mutate. */
export const nameTokens: (name: string) => readonly string[] = memoizeByString((name) => Object.freeze(tokenize(name)), CACHE_LIMIT);

export const nameKey: (name: string) => string = memoizeByString((name) => nameTokens(name).join(' '), CACHE_LIMIT);

export { stripLegalForm } from '../kb/legalForms.js';
