// A Prisma client whose every statement waits `delayMs` first and is counted: makes a request
// last long enough to be cancelled, timed out or shared while it runs.
import type { PrismaClient } from '../../src/generated/prisma/client.js';

export function slowPrisma(prisma: PrismaClient, delayMs: number, counted: () => void): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counted();
        await new Promise((r) => setTimeout(r, delayMs));
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}
