// PGlite's buffer pool is 16 MB unless PGLITE_SHARED_BUFFERS says otherwise (src/db.ts: the
// default 128 MB held ~135 MB more resident memory), and a value PostgreSQL would reject is
// refused by name rather than as PGlite's "failed to initialize properly".
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../src/db.js';

const setting = async (size?: string) => {
  if (size === undefined) delete process.env.PGLITE_SHARED_BUFFERS;
  else process.env.PGLITE_SHARED_BUFFERS = size;
  const db = await openDb({ migrate: false });
  try {
    const [row] = await db.prisma.$queryRawUnsafe<{ shared_buffers: string }[]>('SHOW shared_buffers');
    return row!.shared_buffers;
  } finally {
    await db.close();
  }
};

describe('PGlite shared_buffers', () => {
  const before = process.env.PGLITE_SHARED_BUFFERS;
  afterEach(() => {
    if (before === undefined) delete process.env.PGLITE_SHARED_BUFFERS;
    else process.env.PGLITE_SHARED_BUFFERS = before;
  });

  it('is 16MB by default and PGLITE_SHARED_BUFFERS otherwise', async () => {
    expect(await setting()).toBe('16MB');
    expect(await setting('48MB')).toBe('48MB');
  });

  it('refuses a size PostgreSQL would not take, naming the variable', async () => {
    await expect(setting('lots')).rejects.toThrow(/PGLITE_SHARED_BUFFERS must be a size such as 16MB/);
  });
});
