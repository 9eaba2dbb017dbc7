// Name keys for resolving organizations and services across policies: "Zoom Video
// Communications, Inc." and "ZOOM Video Communications Inc" get the same key.
import { legalFormOf, stripLegalForm } from '../kb/legalForms.js';

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

// Vendor names repeat across thousands of policies and the legal-form match is the costly
// part of a key, so keys are memoized; the memo is dropped whole when it grows past its bound.
const ORG_KEY_MEMO_MAX = 50_000;
const orgKeyMemo = new Map<string, string>();

/** The resolution key of an organization name: legal form stripped (repeatedly), folded. */
export function orgKey(name: string): string {
  let key = orgKeyMemo.get(name);
  if (key === undefined) {
    if (orgKeyMemo.size >= ORG_KEY_MEMO_MAX) orgKeyMemo.clear();
    key = computeOrgKey(name);
    orgKeyMemo.set(name, key);
  }
  return key;
}

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
