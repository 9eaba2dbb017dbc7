// A GraphQL client over real HTTP against a listening server.
export function gqlClient(url: string, headers: Record<string, string> = {}) {
  return async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; data: T; errors?: { message: string }[] }> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: { message: string }[] };
    return { status: res.status, ...body };
  };
}

/** A write key for the test database: ingestPolicy needs one. */
export async function writeKeyHeader(prisma: import('../../src/generated/prisma/client.js').PrismaClient): Promise<Record<string, string>> {
  const { createKey } = await import('../../src/store/api-keys.js');
  return { authorization: `Bearer ${(await createKey(prisma, 'tests', ['write'])).key}` };
}
