// A memo that lives as long as one GraphQL request: fields resolved separately but asking the
// same thing (a connection's totalCount and its page both need the filter's where-clause, which
// costs a statement to resolve names to ids) compute it once. Keyed by the request's context
// object, so it is dropped with the request and never shared between callers.
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/** `compute()` once per request context and key; later calls in the same request share its promise. */
export function perRequest<T>(ctx: object, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = new Map()));
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) memo.set(key, (hit = compute()));
  return hit;
}
