// Rows as Prisma would return them, for comparing with Prisma's: structuredClone keeps Dates and
// nesting but not symbol keys — the planned-row mark (store/relation-json.ts) Prisma's rows lack.
export function plain<T>(value: T): T {
  return structuredClone(value);
}
