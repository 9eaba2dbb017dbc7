// Country reference data, synced from the knowledge base (src/kb/countries.ts) on open.
import { COUNTRIES } from '../kb/countries.js';
import type { PrismaClient } from '../generated/prisma/client.js';

type Tx = Pick<PrismaClient, 'country'>;

export async function syncCountries(prisma: PrismaClient): Promise<void> {
  const existing = new Map((await prisma.country.findMany()).map((c) => [c.code, c]));
  const missing = COUNTRIES.filter((c) => {
    const e = existing.get(c.code);
    return !e || e.nameEn !== c.nameEn || e.nameDe !== c.nameDe || e.eu !== c.eu || e.eea !== c.eea || e.adequacy !== c.adequacy;
  });
  if (missing.length === 0) return;
  await prisma.$transaction(
    missing.map((c) =>
      prisma.country.upsert({
        where: { code: c.code },
        create: { code: c.code, nameEn: c.nameEn, nameDe: c.nameDe, eu: c.eu, eea: c.eea, adequacy: c.adequacy },
        update: { nameEn: c.nameEn, nameDe: c.nameDe, eu: c.eu, eea: c.eea, adequacy: c.adequacy },
      }),
    ),
  );
}

/** Makes sure a country row exists for a code the kb does not know (kept as its code). */
export async function ensureCountry(tx: Tx, code: string): Promise<void> {
  await tx.country.upsert({ where: { code }, create: { code, nameEn: code, nameDe: code }, update: {} });
}

export function isEuOrEeaCode(code: string | null): boolean {
  if (!code) return false;
  const c = COUNTRIES.find((x) => x.code === code);
  return !!c && (c.eu || c.eea);
}
