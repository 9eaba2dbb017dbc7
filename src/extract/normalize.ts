import { decodeInput } from './decode.js';
import { htmlToText, looksLikeHtml } from './html.js';

/**
 * Raw input → the normalized text every evidence offset points into: decoded, markup
 * stripped, Unicode NFC, typographic spaces and hyphens unified, one space between words,
 * blank lines collapsed. Line breaks are kept because headings are recognised by line.
 */
export function normalizeInput(input: string | Uint8Array, contentType?: string): string {
  const decoded = decodeInput(input);
  const isHtml = contentType ? /html/i.test(contentType) : looksLikeHtml(decoded);
  return normalizeText(isHtml ? htmlToText(decoded) : decoded);
}

export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
