// The rule for reads when READS_REQUIRE_KEY=1, in one place for every route that answers with
// data (GraphQL, exports): an API key with the "read" or "write" scope.
import type { ServerResponse } from 'node:http';
import type { PrismaClient } from '../generated/prisma/client.js';
import { authenticate } from '../store/api-keys.js';

/** Whether the `Authorization` header carries a key that may read. */
export async function mayRead(prisma: PrismaClient, authorization: string | undefined): Promise<boolean> {
  const caller = await authenticate(prisma, authorization);
  return !!caller && caller !== 'invalid' && (caller.scopes.includes('read') || caller.scopes.includes('write'));
}

/** The 401 a reader without such a key gets, in GraphQL's error shape. */
export function refuseRead(res: ServerResponse): void {
  res
    .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' })
    .end(JSON.stringify({ errors: [{ message: 'an API key with the "read" scope is required: Authorization: Bearer <key>', extensions: { code: 'UNAUTHORIZED' } }] }));
}
