// Prisma's findMany and count for the shapes relation-json.ts translates, in one statement
// each through Db.read: a connection page with every relation its selection reads (nested
// pages and their counts included), where Prisma sends a statement per relation level and
// rebuilds the rows in JavaScript. null for anything else: the caller asks Prisma.
import type { ReadSql } from '../db.js';
import { countSql, findManySql, jsonValue, adoptPlannedRow, type FindManyArgs } from './relation-json.js';
import { SqlParams } from './sql-params.js';

/** The rows `findMany(args)` on `model` returns, or null when the arguments are not translated. */
export async function findManyJson(read: ReadSql, model: string, args: FindManyArgs): Promise<Record<string, unknown>[] | null> {
  const params = new SqlParams();
  const sql = findManySql(model, args, params);
  if (!sql) return null;
  const [{ rows }] = await read<{ rows: unknown }>(sql, params.values);
  const list = jsonValue<Record<string, unknown>[]>(rows);
  for (const r of list) adoptPlannedRow(model, r);
  return list;
}

/** `count({ where })` on `model`, or null when the where is not translated. */
export async function countJson(read: ReadSql, model: string, where: unknown): Promise<number | null> {
  const params = new SqlParams();
  const sql = countSql(model, where, params);
  if (!sql) return null;
  const [{ n }] = await read<{ n: number }>(sql, params.values);
  return n;
}
