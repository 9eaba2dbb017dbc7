// Fetches a policy from a URL: http(s) only, a timeout, a size limit, and a content-type
// check (HTML or plain text), so a PDF, an image or a slow server never reaches the extractor.
// The address is classified once and the connection goes to exactly that address: undici's
// connector gets a lookup that refuses non-public addresses, so a host that resolves to a public
// address for a check and to 127.0.0.1 for the connection (DNS rebinding) cannot slip through.
import { lookup as dnsLookup, promises as dns, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Agent, Response, fetch as undiciFetch } from 'undici';
import { FetchFailedError, InvalidInputError } from './errors.js';

const MAX_REDIRECTS = 5;
const dnsLookupAll = (host: string) => dns.lookup(host, { all: true });

/**
 * Anything but a public unicast address: loopback, private (RFC 1918), unique-local, link-local,
 * carrier-grade NAT, unspecified (0.0.0.0, ::), multicast, broadcast, reserved, NAT64, 6to4,
 * Teredo — and IPv4-mapped IPv6 forms of these (::ffff:127.0.0.1), classified as the IPv4 inside.
 */
export function isPrivateAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return true;
  return ipaddr.process(ip).range() !== 'unicast';
}

class BlockedAddressError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or local address; only public hosts can be fetched`);
    this.name = 'BlockedAddressError';
  }
}

/** dns.lookup for undici's connector: every address checked, the connection made to a checked one. */
export function publicOnlyLookup(hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const list = addresses as LookupAddress[];
    const blocked = list.find((a) => isPrivateAddress(a.address));
    if (blocked || !list.length) return callback(new BlockedAddressError(hostname, blocked?.address ?? 'nothing') as NodeJS.ErrnoException, '');
    if ((options as { all?: boolean }).all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
}

let http: Promise<{ fetch: typeof undiciFetch; publicOnly: Agent; anyHost: Agent }> | undefined;

/**
 * undici's fetch and the connection pool for a request: public addresses only unless private
 * ones are allowed (webhook deliveries share them). undici is loaded on the first request, so
 * a server that fetches no URL and sends no webhook never holds it.
 */
export async function httpClient(allowPrivateNetwork: boolean | undefined): Promise<{ fetch: typeof undiciFetch; dispatcher: Agent }> {
  http ??= import('undici').then(({ Agent, fetch }) => ({
    fetch,
    publicOnly: new Agent({ connect: { lookup: publicOnlyLookup as never, timeout: 10_000 } }),
    anyHost: new Agent({ connect: { timeout: 10_000 } }),
  }));
  const { fetch, publicOnly, anyHost } = await http;
  return { fetch, dispatcher: allowPrivateNetwork ? anyHost : publicOnly };
}

/**
 * Checked before connecting, for a clear answer: an address literal (connected to without a
 * lookup, so only this check applies) or a name's addresses. The connector checks again the
 * addresses it actually connects to.
 */
export async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dnsLookupAll(host)).map((a) => a.address);
  } catch (e) {
    throw new FetchFailedError('NETWORK', url.href, `could not resolve ${host}: ${(e as Error).message}`);
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) throw new FetchFailedError('BLOCKED', url.href, `${host} is (or resolves to) ${blocked}, a private or local address; only public hosts can be fetched`);
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
  const { fetch, dispatcher } = await httpClient(opts.allowPrivateNetwork);
  let res: Response;
  let current = parsed;
  for (let hop = 0; ; hop++) {
    if (!opts.allowPrivateNetwork) await assertPublicHost(current); // every hop, redirects included
    try {
      res = await fetch(current, { signal, redirect: 'manual', headers: { accept: 'text/html, text/plain;q=0.9' }, dispatcher });
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

export function asFetchError(e: unknown, url: string, timeoutMs: number): FetchFailedError {
  if (e instanceof FetchFailedError) return e;
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof BlockedAddressError) return new FetchFailedError('BLOCKED', url, cause.message);
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchFailedError('TIMEOUT', url, `${url} did not answer within ${timeoutMs} ms`);
  }
  const reason = (cause as { message?: string })?.message ?? (e as Error)?.message ?? String(e);
  return new FetchFailedError('NETWORK', url, `could not fetch ${url}: ${reason}`);
}
