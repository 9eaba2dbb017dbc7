// Per-process figures from Linux's /proc/<pid>/stat, for benchmarks that count CPU spent in
// processes they did not start (PostgreSQL's backends) or in a process tree (a server and its
// workers).
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface ProcStat {
  pid: number;
  /** The command name (at most 15 characters, as the kernel keeps it). */
  comm: string;
  ppid: number;
  /** User plus system CPU time so far. */
  cpuMs: number;
}

/** One /proc/<pid>/stat line. The name may contain spaces and parentheses, so the fields are
 * read after the last ')'. */
export function parseProcStat(line: string): ProcStat {
  const open = line.indexOf('('), close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 60)}`);
  const fields = line.slice(close + 2).split(' '); // fields[0] is the state (field 3)
  return { pid: Number(line.slice(0, open)), comm: line.slice(open + 1, close), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** Every process this user can see, or [] where there is no /proc (not Linux). */
export function processStats(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.flatMap((d) => {
    if (!/^\d+$/.test(d)) return [];
    try {
      return [parseProcStat(readFileSync(`/proc/${d}/stat`, 'utf8'))];
    } catch {
      return []; // the process ended while we looked
    }
  });
}

/** CPU so far of the processes named `comm` (e.g. "postgres": the server, its backends and helpers),
 * or null when none is visible (a server on another machine, or no /proc). */
export function cpuMsOfCommand(comm: string, stats = processStats()): number | null {
  const mine = stats.filter((s) => s.comm === comm);
  return mine.length ? mine.reduce((sum, s) => sum + s.cpuMs, 0) : null;
}
