// Prepared names for recurring direct reads (src/store/statement-names.ts), and on PostgreSQL
// that a named read is prepared once per connection and still planned for its values each time.
import { afterEach, describe, expect, it } from 'vitest';
import { createStatementNames } from '../src/store/statement-names.js';
import { ENGINES } from './helpers/engines.js';
import type { Db } from '../src/db.js';

describe('statement names', () => {
  it('names a text on its second sighting and keeps the name', () => {
    const names = createStatementNames();
    expect(names.nameFor('SELECT 1')).toBeUndefined();
    const name = names.nameFor('SELECT 1');
    expect(name).toMatch(/^pg_read_\d+$/);
    expect(names.nameFor('SELECT 1')).toBe(name);
    names.nameFor('SELECT 2');
    const other = names.nameFor('SELECT 2');
    expect(other).toBeDefined();
    expect(other).not.toBe(name);
  });

  it('names at most max texts; those named keep their names', () => {
    const names = createStatementNames(2);
    for (const t of ['a', 'a', 'b', 'b', 'c']) names.nameFor(t);
    expect(names.nameFor('c')).toBeUndefined();
    expect(names.nameFor('a')).toBeDefined();
    expect(names.nameFor('b')).toBeDefined();
  });

  it('forgets a sighting once enough other texts were seen since', () => {
    const names = createStatementNames(100, 3);
    names.nameFor('once');
    for (const t of ['x', 'y', 'z']) names.nameFor(t);
    expect(names.nameFor('once')).toBeUndefined();
    expect(names.nameFor('once')).toBeDefined();
  });
});

const postgres = ENGINES.find((e) => e.name === 'postgres');

describe.skipIf(!postgres)('named reads on PostgreSQL', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('prepares a recurring read once and plans it for its values every time', async () => {
    const pool = process.env.PG_POOL_MAX;
    process.env.PG_POOL_MAX = '1'; // one connection, so the look-up below sees the statement's
    try {
      db = await postgres!.open({ migrate: false });
    } finally {
      if (pool === undefined) delete process.env.PG_POOL_MAX;
      else process.env.PG_POOL_MAX = pool;
    }
    const read = db.read;
    const text = 'SELECT $1::int + 1 AS n';
    for (let i = 1; i <= 8; i++) expect(await read<{ n: number }>(text, [i])).toEqual([{ n: i + 1 }]);
    const prepared = await read<{ name: string; statement: string; generic_plans: string; custom_plans: string }>(
      'SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements',
    );
    expect(prepared).toHaveLength(1);
    expect(prepared[0].statement).toBe(text);
    // runs 2–8 under its name: never the generic plan (plan_cache_mode=force_custom_plan)
    expect(Number(prepared[0].custom_plans)).toBe(7);
    expect(Number(prepared[0].generic_plans)).toBe(0);
  });
});
