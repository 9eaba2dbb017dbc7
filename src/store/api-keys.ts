// API keys: random 32-byte secrets shown once; only their SHA-256 is stored (a fast hash is the
// right one for a high-entropy secret: nothing to brute-force), so a leaked database leaks no key.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';

export const SCOPES = ['read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

const PREFIX = 'pgk_';

export interface CreatedKey {
  id: string;
  name: string;
  /** The secret itself: shown once, never stored. */
  key: string;
  prefix: string;
  scopes: Scope[];
}

export interface Caller {
  keyId: string;
  scopes: Scope[];
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createKey(prisma: PrismaClient, name: string, scopes: Scope[]): Promise<CreatedKey> {
  const key = PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, PREFIX.length + 6);
  const row = await prisma.apiKey.create({ data: { name, prefix, hash: hashOf(key), scopes } });
  return { id: row.id, name, key, prefix, scopes };
}

export async function listKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, revokedAt: true, lastUsedAt: true } });
}

/** Revokes the key with this id or prefix; false when there is none (or it was already revoked). */
export async function revokeKey(prisma: PrismaClient, idOrPrefix: string): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { OR: [{ id: idOrPrefix }, { prefix: idOrPrefix }], revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/**
 * The caller an `Authorization` header names: null without a header, 'invalid' for a key that
 * is unknown, malformed or revoked.
 */
export async function authenticate(prisma: PrismaClient, authorization: string | null | undefined): Promise<Caller | null | 'invalid'> {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m || !m[1].startsWith(PREFIX) || m[1].length > 100) return 'invalid';
  const row = await prisma.apiKey.findUnique({ where: { hash: hashOf(m[1]) }, select: { id: true, scopes: true, revokedAt: true } });
  if (!row || row.revokedAt) return 'invalid';
  return { keyId: row.id, scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)) };
}
