// Coalesced invalidation: the first call runs at once, a burst within the window runs once at
// its end, a call after a quiet window runs at once again. Fake timers: no real waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../src/util/coalesce.js';

describe('coalesce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and a burst of later calls once, at the end of the window', () => {
    const fn = vi.fn();
    const c = coalesce(fn, 1000);
    c();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(40);
      c();
    }
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200); // the window (1000 ms after the first run) ends
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2); // nothing pending, nothing runs
    c();
    expect(fn).toHaveBeenCalledTimes(3); // after a quiet window: at once
  });
});
