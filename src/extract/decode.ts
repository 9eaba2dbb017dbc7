import iconv from 'iconv-lite';
import { ExtractError } from './errors.js';

/** Larger inputs are refused: real policies stay far below it and the pipeline is linear in size. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → string. UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the legacy
 * encoding of German web pages); NUL bytes or many control characters mean binary data.
 */
export function decodeInput(input: string | Uint8Array): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_INPUT_BYTES) {
    throw new ExtractError('TOO_LARGE', `input is ${size} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MB)`);
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (looksBinary(input)) throw new ExtractError('BINARY', 'input is binary data, not text or HTML');
    try {
      text = utf8.decode(input);
    } catch {
      text = iconv.decode(Buffer.from(input), 'win1252');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new ExtractError('EMPTY', 'input is empty');
  if (looksBinary(text)) throw new ExtractError('BINARY', 'input is binary data, not text or HTML');
  return text;
}

function looksBinary(data: string | Uint8Array): boolean {
  const n = Math.min(data.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = typeof data === 'string' ? data.charCodeAt(i) : data[i];
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return n > 0 && control / n > 0.02;
}
