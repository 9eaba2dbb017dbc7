// A database whose every statement waits `delayMs` first and is counted: makes a request last
// long enough to be cancelled, timed out or shared while it runs. Prisma's statements and the
// app's own reads (Db.read) both go through the slowed client.
import type { Db } from '../../src/db.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

export function slowDb(db: Db, delayMs: number, counted: () => void): Db {
  const prisma = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counted();
        await new Promise((r) => setTimeout(r, delayMs));
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { ...db, prisma, read: <T>(text: string, values: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values) };
}
