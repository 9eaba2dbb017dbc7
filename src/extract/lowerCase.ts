/**
 * The document's text lower-cased, computed once however many stages ask: the catalog scan and
 * the case-insensitive literal scans all read the same text. One entry: extraction reads one
 * document at a time, and a long-running server must not keep old documents alive.
 */
let last: { text: string; lower: string } | null = null;

export function lowerCased(text: string): string {
  if (last?.text !== text) last = { text, lower: text.toLowerCase() };
  return last.lower;
}

/**
 * Whether a slice of the lower-cased text is the slice lower-cased on its own, for every slice
 * that does not split a surrogate pair: no character lower-cases to more code units ("İ"), and
 * no "Σ", which lower-cases to "σ" or "ς" by what stands around it.
 */
export function slicesLowerCase(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes('Σ');
}
