// Prisma's findMany and count in one statement through Db.read (src/store/find-many-json.ts,
// relation-json.ts) against Prisma itself over the seed graph: the same rows in the same shape
// for connection pages (where with a relation filter and an enum, order, take, skip, cursor),
// nested pages with their where and `_count`, a to-one asked only for its key; an unknown
// cursor gives no rows; arguments the module does not translate come back null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, SKIPPED_ENGINES } from './helpers/engines.js';
import type { Db } from '../src/db.js';
import { seedIfEmpty } from '../src/store/seed.js';
import { countJson, findManyJson } from '../src/store/find-many-json.js';
import { plain } from './helpers/plain.js';

const CURRENT = { isCurrent: true };

for (const name of SKIPPED_ENGINES) describe.skip(`findMany as one statement on ${name}`, () => it('skipped', () => {}));

describe.each(ENGINES)('findMany as one statement on $name', (engine) => {
  let db: Db;
  let statements = 0;
  let busiest: string;
  beforeAll(async () => {
    db = await engine.open({ onQuery: () => statements++ });
    await seedIfEmpty(db.prisma);
    const [top] = await db.prisma.engagement.groupBy({ by: ['controllerId'], _count: { _all: true }, orderBy: { _count: { controllerId: 'desc' } }, take: 1 });
    busiest = top.controllerId;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a page of engagements with nested relations, a nested page and its count, in one statement', async () => {
    const args = {
      where: { controllerId: busiest, version: CURRENT },
      orderBy: { id: 'asc' as const },
      take: 4,
      skip: 1,
      include: {
        service: { select: { id: true, name: true } },
        recipient: {
          select: {
            id: true,
            name: true,
            country: { select: { code: true } },
            subprocessorLinks: { where: { version: CURRENT }, orderBy: { id: 'asc' as const }, take: 2, skip: 0, include: { subprocessor: { select: { id: true, name: true } } } },
            _count: { select: { subprocessorLinks: { where: { version: CURRENT } }, services: true } },
          },
        },
      },
    };
    statements = 0;
    const ours = await findManyJson(db.read, 'Engagement', args);
    expect(statements).toBe(1);
    const prisma = await db.prisma.engagement.findMany(args);
    expect(prisma.length).toBe(4);
    expect(plain(ours)).toEqual(prisma);
  });

  it('an enum in the where, all scalars with dates, and counts that match Prisma', async () => {
    for (const role of ['PROCESSOR', 'JOINT_CONTROLLER'] as const) {
      const where = { role, version: CURRENT };
      expect(plain(await findManyJson(db.read, 'Engagement', { where, orderBy: { id: 'asc' }, take: 30 }))).toEqual(await db.prisma.engagement.findMany({ where, orderBy: { id: 'asc' }, take: 30 }));
      expect(await countJson(db.read, 'Engagement', where)).toBe(await db.prisma.engagement.count({ where }));
    }
    const [org] = await findManyJson(db.read, 'Organization', { take: 1, orderBy: { id: 'asc' } }) as { createdAt: unknown }[];
    expect(org.createdAt).toBeInstanceOf(Date);
  });

  it('pages by cursor as Prisma does, and an unknown cursor gives no rows', async () => {
    const where = { version: CURRENT };
    const all = await db.prisma.transfer.findMany({ where, orderBy: { id: 'asc' }, select: { id: true } });
    const cursor = { id: all[3].id };
    const args = { where, orderBy: { id: 'asc' as const }, cursor, skip: 1, take: 3, select: { id: true, country: { select: { code: true } }, recipient: { select: { name: true } } } };
    expect(plain(await findManyJson(db.read, 'Transfer', args))).toEqual(await db.prisma.transfer.findMany(args));
    expect(await findManyJson(db.read, 'Transfer', { ...args, cursor: { id: 'no-such-transfer' } })).toEqual([]);
  });

  it('hands back null for what it does not translate', async () => {
    expect(await findManyJson(db.read, 'Engagement', { where: { OR: [{ role: 'PROCESSOR' }, { role: 'CONTROLLER' }] } })).toBeNull();
    expect(await findManyJson(db.read, 'Engagement', { where: { id: { in: ['a'] } } })).toBeNull();
    expect(await findManyJson(db.read, 'Engagement', { take: -2, orderBy: { id: 'asc' } })).toBeNull();
    expect(await findManyJson(db.read, 'Engagement', { cursor: { id: 'x' }, orderBy: { role: 'asc' } })).toBeNull();
    expect(await countJson(db.read, 'Engagement', { NOT: { role: 'PROCESSOR' } })).toBeNull();
  });
});
