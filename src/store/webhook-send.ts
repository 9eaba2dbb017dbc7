// One webhook delivery attempt over HTTP: a signed POST (Standard Webhooks headers) through the
// same guarded connection pool as URL ingestion — the host is checked before connecting and the
// connector connects only to checked addresses — with a time-out, no redirects followed, and at
// most `maxResponseBytes` of the answer read (kept for the delivery log).
import { Webhook } from 'standardwebhooks';
import { asFetchError, assertPublicHost, httpClient } from './fetch.js';

export interface SendOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  allowPrivateNetwork?: boolean;
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  /** Why it failed (network error, or the status and the start of the answer). */
  error: string | null;
}

export interface Message {
  /** webhook-id: the same on every attempt, the receiver's idempotency key. */
  id: string;
  payload: string;
  secret: string;
  url: string;
}

/** The Standard Webhooks headers for `msg` sent at `at`. */
export function signedHeaders(msg: Message, at: Date): Record<string, string> {
  return {
    'webhook-id': msg.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(msg.secret).sign(msg.id, at, msg.payload),
  };
}

async function readBounded(body: ReadableStream<Uint8Array> | null, max: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

export async function sendWebhook(msg: Message, opts: SendOptions, now = new Date()): Promise<SendResult> {
  const url = new URL(msg.url);
  try {
    if (!opts.allowPrivateNetwork) await assertPublicHost(url);
    const { fetch, dispatcher } = await httpClient(opts.allowPrivateNetwork);
    const res = await fetch(url, {
      method: 'POST',
      body: msg.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
      dispatcher,
      headers: { 'content-type': 'application/json', 'user-agent': 'policy-graph-webhooks', ...signedHeaders(msg, now) },
    });
    const text = await readBounded(res.body as ReadableStream<Uint8Array> | null, opts.maxResponseBytes);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    return { ok: false, status: res.status, error: `HTTP ${res.status}${text.trim() ? `: ${text.trim().slice(0, opts.maxResponseBytes)}` : ''}` };
  } catch (e) {
    return { ok: false, status: null, error: asFetchError(e, msg.url, opts.timeoutMs).message };
  }
}
