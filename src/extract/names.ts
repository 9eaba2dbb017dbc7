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

/** The words of a name without legal form, case and punctuation: "Zoom Communications, Inc." → ["zoom", "communications"]. */
export function nameTokens(name: string): string[] {
  return tokenize(name);
}

export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

export { stripLegalForm } from '../kb/legalForms.js';
