// A memo for pure functions of a string that the pipeline calls with the same few thousand
// strings again and again (names of a policy's organizations, the catalog's entities). The
// memo is emptied whole when it reaches its bound, so it cannot grow with the number of
// documents a long-running process sees.

/** `fn` (which never returns undefined), remembering its results by argument; at most `limit` are kept. */
export function memoizeByString<T extends NonNullable<unknown>>(fn: (s: string) => T, limit: number): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    const known = memo.get(s);
    if (known !== undefined) return known;
    if (memo.size >= limit) memo.clear();
    const value = fn(s);
    memo.set(s, value);
    return value;
  };
}
