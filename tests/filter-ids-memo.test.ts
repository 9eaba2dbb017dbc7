// The name look-up memo: one statement per name combination until cleared; a failed look-up
// or one that was still running at a clear is asked again.
import { describe, expect, it } from 'vitest';
import { createFilterIdsMemo } from '../src/store/filter-ids-memo.js';
import type { ReadSql } from '../src/db.js';

const ids = (tag: string) => ({ services: [`s-${tag}`], vendors: [], brands: [], vendor: [], controller: [] });

/** A `read` that counts its statements and answers with the call number; `fail` makes the next one reject. */
function countingRead() {
  const state = { calls: 0, fail: false, gate: null as Promise<void> | null };
  const read = (async () => {
    const n = ++state.calls;
    if (state.gate) await state.gate;
    if (state.fail) {
      state.fail = false;
      throw new Error('connection lost');
    }
    return [ids(String(n))];
  }) as unknown as ReadSql;
  return { read, state };
}

describe('createFilterIdsMemo', () => {
  it('looks the same names up once, other names again, and everything again after a clear', async () => {
    const { read, state } = countingRead();
    const memo = createFilterIdsMemo();
    expect(await memo.get(read, { service: 'Zoom', country: 'US' })).toEqual(ids('1'));
    // the other parts of the filter do not change which ids its names designate
    expect(await memo.get(read, { service: 'Zoom', mechanism: 'SCC' })).toEqual(ids('1'));
    expect(state.calls).toBe(1);
    expect(await memo.get(read, { service: 'Zoom', vendor: 'Zoom' })).toEqual(ids('2'));
    memo.clear();
    expect(await memo.get(read, { service: 'Zoom' })).toEqual(ids('3'));
    expect(state.calls).toBe(3);
  });

  it('a filter without names sends nothing', async () => {
    const { read, state } = countingRead();
    expect(await createFilterIdsMemo().get(read, { country: 'US' })).toBeNull();
    expect(state.calls).toBe(0);
  });

  it('a failed look-up is not kept', async () => {
    const { read, state } = countingRead();
    const memo = createFilterIdsMemo();
    state.fail = true;
    await expect(memo.get(read, { service: 'Zoom' })).rejects.toThrow('connection lost');
    expect(await memo.get(read, { service: 'Zoom' })).toEqual(ids('2'));
  });

  it('a look-up running at a clear answers its own caller only', async () => {
    const { read, state } = countingRead();
    const memo = createFilterIdsMemo();
    let open!: () => void;
    state.gate = new Promise((r) => (open = r));
    const early = memo.get(read, { service: 'Zoom' });
    memo.clear();
    state.gate = null;
    open();
    expect(await early).toEqual(ids('1'));
    expect(await memo.get(read, { service: 'Zoom' })).toEqual(ids('2'));
  });

  it('keeps at most `max` combinations', async () => {
    const { read, state } = countingRead();
    const memo = createFilterIdsMemo(2);
    for (const s of ['A', 'B', 'C']) await memo.get(read, { service: s });
    await memo.get(read, { service: 'A' });
    expect(state.calls).toBe(4);
  });
});
