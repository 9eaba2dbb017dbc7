// Ingestion from what a user hands over: a text, an HTML document or a URL. Fetches (with
// timeout, size limit and content-type check), extracts, then persists through ingestGraph.
// Every failure the user can cause comes back as InvalidInputError, NotAPolicyError or
// FetchFailedError; anything else is a bug.
import type { PrismaClient } from '../generated/prisma/client.js';
import { FetchFailedError, InvalidInputError, NotAPolicyError } from './errors.js';
import { fetchPolicy, DEFAULT_MAX_BYTES, type FetchOptions } from './fetch.js';
import { contentHash, ingestGraph, type IngestResult } from './ingest.js';
import { loadExtractor, type ExtractFn } from './extractor.js';

export interface PolicyInput {
  text?: string | null;
  html?: string | null;
  url?: string | null;
  /** Where the policy is published; defaults to the URL, else a content hash. */
  source?: string | null;
}

export interface IngestInputOptions extends FetchOptions {
  extract?: ExtractFn;
}

export type { IngestResult };

export async function ingestInput(prisma: PrismaClient, input: PolicyInput, opts: IngestInputOptions = {}): Promise<IngestResult> {
  const given = (['text', 'html', 'url'] as const).filter((k) => input[k] != null);
  if (given.length !== 1) {
    throw new InvalidInputError('BAD_REQUEST', 'give exactly one of text, html or url');
  }
  let body: string | Uint8Array;
  let contentType: string;
  let source = input.source?.trim() || undefined;
  if (input.url != null) {
    const fetched = await fetchPolicy(input.url.trim(), opts);
    body = fetched.bytes;
    contentType = fetched.contentType;
    // the policy is where the text was found: the final URL after redirects, without its fragment
    source ??= canonicalUrl(fetched.url);
  } else {
    body = (input.text ?? input.html) as string;
    contentType = input.html != null ? 'text/html' : 'text/plain';
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (Buffer.byteLength(body, 'utf8') > maxBytes) throw new InvalidInputError('TOO_LARGE', `input is larger than ${maxBytes} bytes`);
  }
  if (typeof body === 'string' ? !body.trim() : body.byteLength === 0) throw new InvalidInputError('EMPTY', 'the input is empty');
  const extract = opts.extract ?? (await loadExtractor());
  let graph;
  try {
    graph = await extract(body, { doc: source, contentType });
  } catch (e) {
    throw mapExtractError(e, input.url ?? null);
  }
  // Text handed over without a source is its own policy, keyed by its content (graph.doc
  // would be the extractor's generic default and merge unrelated policies into one).
  return ingestGraph(prisma, graph, { source: source ?? `text:${contentHash(graph.text)}`, contentType });
}

/** The extractor's refusal of unusable input, as the ingestion error a user is shown. */
export function mapExtractError(e: unknown, url: string | null): Error {
  const err = e as { name?: string; code?: string; message?: string };
  if (err?.name === 'ExtractError' && err.code) {
    if (err.code === 'NOT_A_POLICY') return new NotAPolicyError(err.message ?? 'this is not a privacy policy');
    if (err.code === 'EMPTY' || err.code === 'BINARY' || err.code === 'TOO_LARGE' || err.code === 'TOO_COMPLEX') {
      return new InvalidInputError(err.code, err.message ?? err.code);
    }
  }
  if (url && e instanceof FetchFailedError) return e;
  return e instanceof Error ? e : new Error(String(e));
}

/** A URL as a policy's identity: scheme and host lower-cased and the default port dropped (by URL), no fragment. */
export function canonicalUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
