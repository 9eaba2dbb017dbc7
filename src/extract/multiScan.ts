/**
 * Several cue RegExps read over the same text in one pass, with the results each would give
 * on its own: which of them match (`tests`), or every match of each, as its own global scan
 * finds them (`scan`).
 *
 * V8 tries a RegExp at every position of the text, so a list of twelve cues read one after
 * another walks the text twelve times. Their union — each cue an alternative — matches exactly
 * where some cue does, and most positions fail it at once. Cues with and without the i flag go
 * into two unions (with i, a case-sensitive cue's `(?!b)` or `[^b]` would also refuse "B"), read
 * side by side in position order. At each position a union matches, the cues themselves, made
 * sticky, decide; the scan then goes on from the next position, so a cue whose match starts
 * inside another's is still seen. A cue's global scan starts looking again where its last match
 * ended: so does its part here.
 *
 * The cues must share their u flag (a source can mean something else with it), refer to no
 * group (numbers and names would shift in the union) and never match the empty string.
 */

export interface MultiScanner {
  /** `cues.map((re) => re.test(text))`, without their global or sticky state. */
  tests(text: string): boolean[];
  /** For each cue, every match its own global scan of `text` finds, in order. */
  scan(text: string): RegExpExecArray[][];
}

export function multiScanner(cues: readonly RegExp[]): MultiScanner {
  const unicode = new Set(cues.map((re) => re.flags.includes('u')));
  if (unicode.size > 1) throw new Error('cues scanned together must share the u flag');
  const refersToGroup = cues.find((re) => /(?<!\\)(?:\\\\)*\\(?:[1-9]|k<)/.test(re.source));
  if (refersToGroup) throw new Error(`a cue scanned with others must not refer to a group: ${refersToGroup.source.slice(0, 60)}`);
  const shared = (flag: string) => (cues.some((re) => re.flags.includes(flag)) ? flag : '');
  for (const flag of ['m', 's']) if (shared(flag) && !cues.every((re) => re.flags.includes(flag))) throw new Error(`cues scanned together must share the ${flag} flag`);
  const flags = `g${shared('u')}${shared('m')}${shared('s')}`;
  const unions = [false, true].flatMap((caseless) => {
    const sources = cues.filter((re) => re.flags.includes('i') === caseless).map((re) => `(?:${re.source})`);
    return sources.length ? [new RegExp(sources.join('|'), caseless ? `${flags}i` : flags)] : [];
  });
  const sticky = cues.map((re) => new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y'));
  // with the u flag a scan never starts inside a surrogate pair
  const next = unicode.has(true)
    ? (text: string, at: number) => at + ((text.charCodeAt(at) & 0xfc00) === 0xd800 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? 2 : 1)
    : (_text: string, at: number) => at + 1;
  /** Where `union` next matches from `from` on (Infinity: nowhere). */
  const nextMatch = (union: RegExp, text: string, from: number) => {
    union.lastIndex = from;
    return union.exec(text)?.index ?? Infinity;
  };

  /** Calls `visit(k, match)` for each cue's matches in order; `visit` returns whether cue k still wants matches. */
  const walk = (text: string, visit: (k: number, m: RegExpExecArray) => boolean) => {
    const wanted = cues.map(() => true);
    const resumeAt = cues.map(() => 0); // where cue k's own scan would look next
    let left = cues.length;
    const ahead = unions.map((union) => nextMatch(union, text, 0)); // each union's next position
    for (let at = Math.min(...ahead); left && at < Infinity; at = Math.min(...ahead)) {
      for (let k = 0; k < cues.length; k++) {
        if (!wanted[k] || at < resumeAt[k]) continue;
        const re = sticky[k];
        re.lastIndex = at;
        const m = re.exec(text);
        if (!m) continue;
        if (!m[0]) throw new Error(`cue matched the empty string: ${cues[k].source.slice(0, 60)}`);
        resumeAt[k] = re.lastIndex;
        if (!visit(k, m)) {
          wanted[k] = false;
          left--;
        }
      }
      unions.forEach((union, j) => {
        if (ahead[j] === at) ahead[j] = nextMatch(union, text, next(text, at));
      });
    }
  };

  return {
    tests(text) {
      const out = cues.map(() => false);
      walk(text, (k) => ((out[k] = true), false));
      return out;
    },
    scan(text) {
      const out: RegExpExecArray[][] = cues.map(() => []);
      walk(text, (k, m) => (out[k].push(m), true));
      return out;
    },
  };
}
