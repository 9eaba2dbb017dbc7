// Name keys for resolving organizations and services across policies: "Zoom Video
// Communications, Inc." and "ZOOM Video Communications Inc" get the same key.
import { legalFormOf, stripLegalForm } from '../kb/legalForms.js';
import { memoizeByString } from '../util/memoize.js';

/** Lowercase, no diacritics, no punctuation, single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

// Memoized: vendor names repeat across thousands of policies.
/** The resolution key of an organization name: legal form stripped (repeatedly), folded. */
export const orgKey: (name: string) => string = memoizeByString(computeOrgKey, 50_000);

function computeOrgKey(name: string): string {
  let base = name.trim();
  for (let i = 0; i < 3; i++) {
    const stripped = stripLegalForm(base);
    if (!stripped || stripped === base) break;
    base = stripped;
  }
  const key = foldName(base).replace(/^the /, '');
  return key || foldName(name);
}

export function serviceKey(name: string): string {
  return foldName(name);
}

export function legalFormFromName(name: string): string | null {
  return legalFormOf(name)?.form ?? null;
}

export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}
