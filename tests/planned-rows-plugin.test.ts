// The planned-rows shortcut: a relation or select field of a row built from the request's own
// Pothos selection answers from the row; every other row, and every selection that reaches past
// leaf fields, goes through the prisma plugin (which, with no plan recorded and no client in the
// context, can only fail here — so reaching it is visible).
import { describe, expect, it } from 'vitest';
import { GraphQLObjectType, parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { schema } from '../src/graphql/schema.js';
import { selectsLeavesOnly } from '../src/graphql/planned-rows-plugin.js';
import { adoptPlannedRow } from '../src/store/relation-json.js';

const transferType = schema.getType('Transfer') as GraphQLObjectType;

/** The resolve info of Transfer.`field` as a query selecting `selection` on it would give it. */
function infoFor(field: string, selection: string): GraphQLResolveInfo {
  const op = parse(`{ x { ${field} ${selection} } }`).definitions[0] as OperationDefinitionNode;
  const outer = op.selectionSet.selections[0] as FieldNode;
  const node = outer.selectionSet!.selections[0] as FieldNode;
  const def = transferType.getFields()[field];
  return {
    fieldName: field,
    fieldNodes: [node],
    returnType: def.type,
    parentType: transferType,
    path: { prev: { prev: undefined, key: 'x', typename: 'Query' }, key: field, typename: 'Transfer' },
    schema,
    fragments: {},
    rootValue: undefined,
    operation: op,
    variableValues: {},
  } as unknown as GraphQLResolveInfo;
}

/** Calls Transfer.`field`'s resolver; a throw or rejection (the prisma plugin's load without a client) comes back as 'prisma'. */
async function resolveVia(field: string, parent: Record<string, unknown>, selection = ''): Promise<unknown> {
  const resolve = transferType.getFields()[field].resolve!;
  try {
    return await resolve(parent, {}, {}, infoFor(field, selection));
  } catch {
    return 'prisma';
  }
}

const row = () => ({
  id: 't1',
  thirdCountry: true,
  mechanisms: [],
  controller: { id: 'o1', name: 'Example Verein e. V.' },
  country: { code: 'US', adequacy: false },
});

describe('planned rows answer their relation fields themselves', () => {
  it('a planned row answers a relation whose selection reads leaves', async () => {
    const planned = row();
    adoptPlannedRow('Transfer', planned);
    expect(await resolveVia('controller', planned, '{ name }')).toBe(planned.controller);
  });

  it('a planned row answers a select field from the columns on it', async () => {
    const planned = row();
    adoptPlannedRow('Transfer', planned);
    expect(await resolveVia('coveredBy', planned)).toBe('NONE');
  });

  it('a row loaded any other way asks the prisma plugin', async () => {
    expect(await resolveVia('controller', row(), '{ name }')).toBe('prisma');
  });

  it('a selection past leaf fields asks the prisma plugin', async () => {
    const planned = row();
    adoptPlannedRow('Transfer', planned);
    expect(await resolveVia('controller', planned, '{ name engagements { id } }')).toBe('prisma');
  });

  it('a relation the planned row does not carry asks the prisma plugin', async () => {
    const planned = row();
    adoptPlannedRow('Transfer', planned);
    expect(await resolveVia('recipient', planned, '{ name }')).toBe('prisma');
  });
});

describe('selectsLeavesOnly', () => {
  it('reads the selection: leaves and __typename yes; objects and fragments no', () => {
    expect(selectsLeavesOnly(infoFor('controller', '{ name __typename }'))).toBe(true);
    expect(selectsLeavesOnly(infoFor('thirdCountry', ''))).toBe(true);
    expect(selectsLeavesOnly(infoFor('controller', '{ name engagements { id } }'))).toBe(false);
    expect(selectsLeavesOnly(infoFor('controller', '{ ... on Organization { name } }'))).toBe(false);
  });
});
