// Rows by id through Db.read (src/store/rows-by-id.ts) against Prisma's own findMany for the
// same selections, over the seed graph: the same rows in the same shape, nested relations and
// dates included; ids with no row absent; a selection relation-json.ts does not translate
// handed back to the caller (null). And the per-request loader (src/graphql/row-loader.ts):
// items resolved in the same tick share one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import type { Db } from '../src/db.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { rowsById } from '../src/store/rows-by-id.js';
import { loadRow } from '../src/graphql/row-loader.js';
import { plain } from './helpers/plain.js';

for (const name of SKIPPED_ENGINES) describe.skip(`rows by id on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('rows by id on $name', (engine) => {
  let db: Db;
  let statements = 0;
  let orgIds: string[];
  beforeAll(async () => {
    db = await engine.open({ onQuery: () => statements++ });
    await seedIfEmpty(db.prisma);
    orgIds = (await db.prisma.organization.findMany({ select: { id: true }, orderBy: { key: 'asc' }, take: 8 })).map((o) => o.id);
  });
  afterAll(async () => {
    await db?.close();
  });

  const sorted = (rows: Iterable<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

  it('loads what Prisma loads for a select with a nested relation, and for an include', async () => {
    const select = { id: true, name: true, aliases: true, country: { select: { code: true, adequacy: true } } };
    const ours = await rowsById(db.read, 'Organization', { select }, orgIds);
    expect(ours).not.toBeNull();
    expect(plain(sorted(ours!.values()))).toEqual(await db.prisma.organization.findMany({ select, where: { id: { in: orgIds } }, orderBy: { id: 'asc' } }));

    const include = { country: true };
    const withInclude = await rowsById(db.read, 'Organization', { include }, orgIds.slice(0, 3));
    const prisma = await db.prisma.organization.findMany({ include, where: { id: { in: orgIds.slice(0, 3) } }, orderBy: { id: 'asc' } });
    expect(plain(sorted(withInclude!.values()))).toEqual(prisma);
    expect(prisma[0].createdAt).toBeInstanceOf(Date);
  });

  it('keys rows by the model id (Country: code), leaves out ids with no row, and adds the key to a select', async () => {
    const rows = await rowsById(db.read, 'Country', { select: { eea: true } }, ['US', 'DE', 'XX']);
    expect([...rows!.keys()].sort()).toEqual(['DE', 'US']);
    expect(plain(rows!.get('US'))).toEqual({ code: 'US', eea: false });
    expect(plain(rows!.get('DE'))).toEqual({ code: 'DE', eea: true });
  });

  it('hands back null for a selection relation-json.ts does not translate', async () => {
    expect(await rowsById(db.read, 'Organization', { select: { id: true, services: { where: { OR: [{ name: 'a' }, { name: 'b' }] } } } }, orgIds)).toBeNull();
  });

  it('loadRow: rows asked for in one tick load in one statement per selection and request', async () => {
    const ctx = { read: db.read };
    const query = { select: { id: true, name: true } };
    const noFallback = async () => {
      throw new Error('the selection is translatable: Prisma is not asked');
    };
    statements = 0;
    const rows = await Promise.all([...orgIds, 'no-such-id'].map((id) => loadRow(ctx, 'Organization', query, id, noFallback)));
    expect(statements).toBe(1);
    expect(rows.slice(0, -1).map((r) => r!.id)).toEqual(orgIds);
    expect(rows.at(-1)).toBeNull();

    // another request's context loads again; a selection that needs Prisma goes to the fallback
    statements = 0;
    await loadRow({ read: db.read }, 'Organization', query, orgIds[0], noFallback);
    expect(statements).toBe(1);
    const counted = { select: { id: true, services: { where: { OR: [{ name: 'a' }, { name: 'b' }] } } } };
    let askedPrisma = 0;
    const viaPrisma = await loadRow(ctx, 'Organization', counted, orgIds[1], (q, ids) => (askedPrisma++, db.prisma.organization.findMany({ ...(q as typeof counted), where: { id: { in: ids } } })));
    expect(askedPrisma).toBe(1);
    expect(viaPrisma).toMatchObject({ id: orgIds[1], services: [] });
  });
});
