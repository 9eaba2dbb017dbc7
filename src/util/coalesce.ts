// At most one call per window: the first call after a quiet spell runs at once, calls during
// the window that follows are folded into one run at its end. A bulk load commits several
// times a second; dropping every cached answer on each commit left the cache empty for the
// whole load, while one drop per window bounds staleness by the window and lets answers be
// reused in between.

/** `fn` coalesced to at most one run per `windowMs` (trailing run kept, so the last call is never lost). */
export function coalesce(fn: () => void, windowMs: number): () => void {
  let windowEnds = 0;
  let pending: NodeJS.Timeout | null = null;
  const run = () => {
    windowEnds = Date.now() + windowMs;
    fn();
  };
  return () => {
    if (pending) return; // a run is already due at the end of this window
    const wait = windowEnds - Date.now();
    if (wait <= 0) return run();
    pending = setTimeout(() => {
      pending = null;
      run();
    }, wait);
    pending.unref(); // never keeps a stopping process alive
  };
}
