import { Parser } from 'htmlparser2';

/** Elements whose content is never policy text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'iframe', 'button', 'select', 'head']);
/**
 * Elements that end a line: headings and paragraphs become lines of their own, so segmentation
 * sees them. A table row is one line, its cells joined by " | ": a row of a list of processors
 * (name, purpose, seat, safeguard) is read as one item, as a text policy writes it.
 */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'br', 'li', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'address', 'hr', 'title', 'figure', 'figcaption',
]);

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]/.test(head) || (/<(p|div|h[1-6]|span|br|li)[\s>/]/.test(head) && /<\/(p|div|h[1-6]|span|li)>/.test(text));
}

/** HTML → plain text with one line per block element, list items as bullets; markup, scripts and navigation dropped. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipDepth || SKIP.has(name)) {
          if (SKIP.has(name) || skipDepth) skipDepth++;
          return;
        }
        if (BLOCK.has(name)) out.push('\n');
        if (name === 'td' || name === 'th') out.push(' | ');
        // a list item stays one, as in a text policy: segmentation reads bullets as items of the list a "…:" opens
        if (name === 'li') out.push('- ');
      },
      ontext(text) {
        if (!skipDepth) out.push(text);
      },
      onclosetag(name) {
        if (skipDepth) {
          skipDepth--;
          return;
        }
        if (BLOCK.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
