// A Pothos plugin that lets a prisma relation or select field answer straight from its parent row
// when that row was built from the Pothos selection of this very request (store/relation-json.ts
// marks such rows: isPlannedRow). The prisma plugin otherwise asks, for every field of every row,
// which plan loaded the row — building response-path strings and walking the path's scopes each
// time — which was about a sixth of the server's CPU on a page of 50 transfers. The shortcut is
// taken only where nothing below the field needs those plans: a field without arguments whose
// selection reads leaf fields only (`controller { name }`, `coveredBy`). Anything else, and any
// row loaded another way, goes through the prisma plugin as before.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { getNamedType, isLeafType, isObjectType, Kind, type FieldNode, type GraphQLFieldResolver, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { isPlannedRow } from '../store/relation-json.js';

const pluginName = 'plannedRows' as const;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      plannedRows: PlannedRowsPlugin<Types>;
    }
  }
}

/** Per merged field-node list (graphql-js shares it between the rows of a list): whether it reads leaves only. */
const leafOnly = new WeakMap<readonly FieldNode[], boolean>();

/** Whether the selection of the field `info` resolves reads leaf fields only (or the field is a leaf itself). */
export function selectsLeavesOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'returnType'>): boolean {
  let known = leafOnly.get(info.fieldNodes);
  if (known === undefined) {
    known = computeLeavesOnly(info);
    leafOnly.set(info.fieldNodes, known);
  }
  return known;
}

function computeLeavesOnly({ fieldNodes, returnType }: Pick<GraphQLResolveInfo, 'fieldNodes' | 'returnType'>): boolean {
  const type = getNamedType(returnType);
  if (isLeafType(type)) return true;
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  const readsLeaf = (s: SelectionNode) => {
    if (s.kind !== Kind.FIELD) return false;
    const field = fields[s.name.value];
    return s.name.value === '__typename' || (field !== undefined && isLeafType(getNamedType(field.type)));
  };
  return fieldNodes.every((node) => (node.selectionSet?.selections ?? []).every(readsLeaf));
}

export class PlannedRowsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const extensions = fieldConfig.extensions ?? {};
    const own = fieldConfig.resolve;
    // prisma fields that select from their parent row and take no arguments; a relation with a
    // resolve of its own (pothosPrismaFallback) is handed its query, which only the plugin has
    if (fieldConfig.kind !== 'PrismaObject' || !extensions.pothosPrismaSelect || extensions.pothosPrismaFallback || !own || Object.keys(fieldConfig.args).length > 0) {
      return resolver;
    }
    const loaded = extensions.pothosPrismaLoaded as ((parent: unknown, info: GraphQLResolveInfo, ctx: unknown) => boolean) | undefined;
    return (parent, args, ctx, info) =>
      isPlannedRow(parent) && selectsLeavesOnly(info) && (!loaded || loaded(parent, info, ctx)) ? own(parent, args, ctx, info) : resolver(parent, args, ctx, info);
  }
}

SchemaBuilder.registerPlugin(pluginName, PlannedRowsPlugin);

/** The name to list in the builder's plugins (as Pothos' own plugins export theirs). */
export default pluginName;
