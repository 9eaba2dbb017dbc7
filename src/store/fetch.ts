// Fetches a policy from a URL: http(s) only, a timeout, a size limit, and a content-type
// check (HTML or plain text), so a PDF, an image or a slow server never reaches the extractor.
import { FetchFailedError, InvalidInputError } from './errors.js';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

export async function fetchPolicy(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError('BAD_URL', `not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidInputError('BAD_URL', `only http and https URLs can be fetched, not ${parsed.protocol}`);
  }
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(parsed, { signal, redirect: 'follow', headers: { accept: 'text/html, text/plain;q=0.9' } });
  } catch (e) {
    throw asFetchError(e, url, timeoutMs);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new FetchFailedError('HTTP_STATUS', url, `${url} answered HTTP ${res.status}`, res.status);
  }
  const contentType = res.headers.get('content-type') ?? '';
  if (!ACCEPTED.test(contentType)) {
    await res.body?.cancel().catch(() => {});
    throw new FetchFailedError('CONTENT_TYPE', url, `${url} is ${contentType || 'of no stated type'}, not HTML or plain text`, res.status);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FetchFailedError('TOO_LARGE', url, `${url} is ${declared} bytes, more than the limit of ${maxBytes}`, res.status);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FetchFailedError('TOO_LARGE', url, `${url} is larger than the limit of ${maxBytes} bytes`, res.status);
      }
      chunks.push(value);
    }
  } catch (e) {
    throw asFetchError(e, url, timeoutMs);
  }
  const bytes = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.byteLength;
  }
  return { url: res.url || url, bytes, contentType };
}

function asFetchError(e: unknown, url: string, timeoutMs: number): FetchFailedError {
  if (e instanceof FetchFailedError) return e;
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchFailedError('TIMEOUT', url, `${url} did not answer within ${timeoutMs} ms`);
  }
  const cause = (e as { cause?: { message?: string } })?.cause?.message ?? (e as Error)?.message ?? String(e);
  return new FetchFailedError('NETWORK', url, `could not fetch ${url}: ${cause}`);
}
