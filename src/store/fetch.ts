// Fetches a policy from a URL: http(s) only, a timeout, a size limit, and a content-type
// check (HTML or plain text), so a PDF, an image or a slow server never reaches the extractor.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { FetchFailedError, InvalidInputError } from './errors.js';

const MAX_REDIRECTS = 5;

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified and mapped forms of these. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  const x = ip.toLowerCase();
  return x === '::' || x === '::1' || x.startsWith('fc') || x.startsWith('fd') || x.startsWith('fe80');
}

async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (e) {
    throw new FetchFailedError('NETWORK', url.href, `could not resolve ${host}: ${(e as Error).message}`);
  }
  if (addresses.some(isPrivateAddress)) {
    throw new FetchFailedError('BLOCKED', url.href, `${host} is a private or local address; only public hosts can be fetched`);
  }
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Allow hosts that resolve to loopback, private, link-local or unspecified addresses.
   * Off by default: a URL handed to the API must not reach the server's own network (SSRF).
   */
  allowPrivateNetwork?: boolean;
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
  let current = parsed;
  for (let hop = 0; ; hop++) {
    if (!opts.allowPrivateNetwork) await assertPublicHost(current);
    try {
      res = await fetch(current, { signal, redirect: 'manual', headers: { accept: 'text/html, text/plain;q=0.9' } });
    } catch (e) {
      throw asFetchError(e, url, timeoutMs);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!location) break;
    await res.body?.cancel().catch(() => {});
    if (hop >= MAX_REDIRECTS) throw new FetchFailedError('HTTP_STATUS', url, `${url}: more than ${MAX_REDIRECTS} redirects`, res.status);
    current = new URL(location, current);
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new FetchFailedError('HTTP_STATUS', url, `${url} redirects to an unsupported ${current.protocol} URL`, res.status);
    }
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
  return { url: current.href, bytes, contentType };
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
