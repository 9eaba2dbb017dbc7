// `ingest` while a server holds the embedded database: PGlite has one writer, so the CLI sends
// each input to that server's ingestPolicy mutation (with an API key) instead of opening the
// folder itself. The policies are in the server's answers at once and stored by the server.
import { readFileSync } from 'node:fs';
import { decodeInput } from '../extract/decode.js';
import { looksLikeHtml } from '../extract/html.js';

export interface ForwardItem {
  /** A local file (read here and sent as text or HTML) or an http(s) URL (fetched by the server). */
  input: string;
  isUrl: boolean;
  source?: string;
}

export interface ForwardedResult {
  created: boolean;
  duplicateOf?: string;
  versionId: string;
  summary: { recipients: number; transfers: number };
}

const MUTATION = `mutation Ingest($input: IngestPolicyInput!) {
  ingestPolicy(input: $input) {
    __typename
    ... on IngestPolicySuccess { created duplicateOf version { id } summary { recipients transfers } }
    ... on Error { message }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

/** Sends one input to the server at `url`; a rate-limited write waits as told and is sent again. */
export async function forwardIngest(url: string, key: string, item: ForwardItem): Promise<ForwardedResult> {
  const input: Record<string, string> = {};
  if (item.isUrl) input.url = item.input;
  else {
    const text = decodeInput(readFileSync(item.input));
    input[looksLikeHtml(text) ? 'html' : 'text'] = text;
  }
  if (item.source) input.source = item.source;
  for (;;) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: MUTATION, variables: { input } }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await res.json().catch(() => null)) as { data?: { ingestPolicy?: Record<string, unknown> }; errors?: { message: string }[] } | null;
    const out = body?.data?.ingestPolicy;
    if (!out) throw new Error(`the server at ${url} answered ${res.status}: ${body?.errors?.map((e) => e.message).join('; ') ?? 'no GraphQL answer'}`);
    if (out.__typename === 'RateLimitedError') {
      await new Promise((r) => setTimeout(r, Number(out.retryAfterSeconds) * 1000));
      continue;
    }
    if (out.__typename !== 'IngestPolicySuccess') {
      const e = new Error(String(out.message));
      e.name = String(out.__typename);
      throw e;
    }
    return {
      created: out.created as boolean,
      duplicateOf: (out.duplicateOf as string | null) ?? undefined,
      versionId: (out.version as { id: string }).id,
      summary: out.summary as ForwardedResult['summary'],
    };
  }
}
