// Webhook registrations: a target URL (held to the same address rules as URL ingestion), the
// change kinds it wants, optional controller / vendor filters, and its Standard Webhooks signing
// secret, generated here and shown to the registrant once.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ChangeKind } from './diff-versions.js';
import { InvalidInputError } from './errors.js';
import { assertPublicHost } from './fetch.js';

export interface WebhookInput {
  url: string;
  /** Empty or absent: every kind. */
  events?: ChangeKind[] | null;
  controller?: string | null;
  vendor?: string | null;
}

export interface RegisterOptions {
  /** Let the URL point at loopback or private addresses (ALLOW_PRIVATE_URLS=1; tests). */
  allowPrivateNetwork?: boolean;
  /** The API key registering it. */
  createdBy?: string;
}

const MAX_URL_LENGTH = 2048;

/** A URL webhooks may be sent to: http(s), no credentials in it, and (unless allowed) a public host. Throws InvalidInputError / FetchFailedError (BLOCKED). */
export async function checkWebhookUrl(raw: string, allowPrivateNetwork = false): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidInputError('BAD_URL', `not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidInputError('BAD_URL', `webhooks are sent to http and https URLs only, not ${url.protocol}`);
  if (url.username || url.password) throw new InvalidInputError('BAD_URL', 'a webhook URL must not carry credentials');
  if (url.href.length > MAX_URL_LENGTH) throw new InvalidInputError('BAD_URL', `a webhook URL has at most ${MAX_URL_LENGTH} characters`);
  if (!allowPrivateNetwork) await assertPublicHost(url);
  return url;
}

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export async function registerWebhook(prisma: PrismaClient, input: WebhookInput, opts: RegisterOptions = {}) {
  const url = await checkWebhookUrl(input.url, opts.allowPrivateNetwork);
  const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  const webhook = await prisma.webhook.create({
    data: {
      url: url.href,
      events: [...new Set(input.events ?? [])],
      controller: blank(input.controller),
      vendor: blank(input.vendor),
      secret: newSigningSecret(),
      createdBy: opts.createdBy ?? null,
    },
  });
  return webhook;
}

/** Deletes a webhook and its delivery log (pending deliveries are dropped); false when there is none with that id. */
export async function deleteWebhook(prisma: PrismaClient, id: string): Promise<boolean> {
  const { count } = await prisma.webhook.deleteMany({ where: { id } });
  return count > 0;
}
