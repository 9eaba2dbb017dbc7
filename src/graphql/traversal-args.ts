// Arguments of the traversal fields, checked and resolved ONCE before any backend runs: names
// become store ids here, so the SQL and Cypher backends answer the same question about the
// same organizations. Bad input is a BAD_USER_INPUT error that says what is allowed.
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Db } from '../db.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { matchOrganizations } from '../store/org-match.js';
import { countryCode } from '../store/queries.js';
import { MAX_DEPTH, MAX_FIRST } from '../traversal/types.js';

/** Most controllers one sharedVendors question compares. */
export const MAX_SHARED_CONTROLLERS = 50;

export function badInput(message: string): GraphQLError {
  // Yoga's own constructor: an error of another copy of `graphql` would be masked as internal
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function checkDepth(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_DEPTH) throw badInput(`maxDepth must be between 1 and ${MAX_DEPTH} (got ${maxDepth}).`);
  return maxDepth;
}

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw badInput(`first must be between 1 and ${MAX_FIRST} (got ${first}).`);
  return first;
}

/** The id an Organization node id names, if `input` is one. */
function nodeId(input: string): string | null {
  try {
    const { typename, id } = decodeGlobalID(input);
    return typename === 'Organization' ? id : null;
  } catch {
    return null;
  }
}

/**
 * An organization by its node id (as the API shows it), store id or name. A name resolves as
 * `organization(name:)` does (the best of `organizationMatches`: own name > alias > brand, then
 * the most engagements).
 */
export async function resolveOrganization({ prisma, read }: Pick<Db, 'prisma' | 'read'>, input: string, argName: string): Promise<string> {
  const byId = await prisma.organization.findFirst({ where: { id: { in: [nodeId(input), input].filter((x): x is string => !!x) } }, select: { id: true } });
  if (byId) return byId.id;
  const [best] = await matchOrganizations(read, input);
  if (!best) throw badInput(`${argName}: no organization is named "${input}" (give a name, an alias or an Organization id).`);
  return best.organizationId;
}

/** An ISO code or a country name, as a known country's code. */
export async function resolveCountry(prisma: PrismaClient, input: string): Promise<string> {
  const code = countryCode(input);
  if (!(await prisma.country.findUnique({ where: { code }, select: { code: true } }))) throw badInput(`country: "${input}" is not a country (give an ISO code such as "US" or a name).`);
  return code;
}

/** Two to MAX_SHARED_CONTROLLERS distinct organizations. */
export async function resolveControllers(db: Pick<Db, 'prisma' | 'read'>, inputs: readonly string[]): Promise<string[]> {
  if (inputs.length < 2 || inputs.length > MAX_SHARED_CONTROLLERS) throw badInput(`controllers: give between 2 and ${MAX_SHARED_CONTROLLERS} organizations (got ${inputs.length}).`);
  const ids = [...new Set(await Promise.all(inputs.map((c, i) => resolveOrganization(db, c, `controllers[${i}]`))))];
  if (ids.length < 2) throw badInput('controllers: the names given resolve to a single organization; give two or more different ones.');
  return ids;
}
