// Resident memory of the server as a user starts it (issue 11): runs a command (default
// `npm start`) in its own process group, waits until GraphQL answers, samples the RSS of every
// process in the tree, drives the README's questions (src/graphql/examples.ts, round-robin)
// with autocannon for a while, and samples again. Peak is the kernel's high-water mark
// (VmHWM). The database is whatever the command opens: PGLITE_DIR / DATABASE_URL as for `npm
// start`; an empty one is seeded first, so start it once before measuring.
//
//   npm run bench:memory [-- --seconds 20] [--idle 10] [--connections 4] [--port 4000] [-- COMMAND ...]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { EXAMPLES } from '../src/graphql/examples.js';
import { machineLine } from './api/machine.js';
import { markdownTable } from './api/table.js';
import { processStats } from './proc-stat.js';

const USAGE = `usage: npm run bench:memory [-- --seconds N] [--idle N] [--connections N] [--port N] [-- COMMAND ...]
  starts COMMAND (default: npm start) with PORT set, samples the RSS of its process tree once
  GraphQL answers, after --seconds (default 20) of the README's questions at --connections
  (default 4), and again --idle seconds (default 10) later; prints one row per process: kernel
  VmRSS / VmHWM, and CPU time per request`;

function parseArgs(argv: string[]) {
  const dashes = argv.indexOf('--');
  const own = dashes >= 0 ? argv.slice(0, dashes) : argv;
  const value = (name: string) => {
    const i = own.indexOf(name);
    return i >= 0 ? own[i + 1] : undefined;
  };
  const known = new Set(['--seconds', '--connections', '--port', '--idle']);
  const bad = own.find((a, i) => a.startsWith('--') && !known.has(a) && !known.has(own[i - 1] ?? ''));
  if (own.includes('--help') || bad) {
    (bad && bad !== '--help' ? console.error : console.log)(bad && bad !== '--help' ? `unknown option ${bad}\n${USAGE}` : USAGE);
    process.exit(bad && bad !== '--help' ? 2 : 0);
  }
  return {
    seconds: Number(value('--seconds') ?? 20),
    idle: Number(value('--idle') ?? 10),
    connections: Number(value('--connections') ?? 4),
    port: Number(value('--port') ?? process.env.PORT ?? 4000),
    command: dashes >= 0 && argv.length > dashes + 1 ? argv.slice(dashes + 1) : ['npm', 'start'],
  };
}

interface ProcSample {
  pid: number;
  command: string;
  rssMb: number;
  peakMb: number;
  /** CPU time used so far (user + system), ms. */
  cpuMs: number;
}

/** `/proc/<pid>/status` fields in kB → MB. */
function statusMb(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) / 1024 : 0;
}

/** The process `root` and its descendants, with their memory, from /proc. */
function processTree(root: number): ProcSample[] {
  const stats = processStats();
  const parent = new Map(stats.map((s) => [s.pid, s.ppid]));
  const cpu = new Map(stats.map((s) => [s.pid, s.cpuMs]));
  const pids = [root];
  for (let i = 0; i < pids.length; i++) for (const [pid, ppid] of parent) if (ppid === pids[i]) pids.push(pid);
  return pids.flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const command = argv.map((a) => a.replace(/^.*\/node_modules\//, '').replace(/^\/usr\/(local\/)?bin\//, '')).join(' ');
      return [{ pid, command: command.length > 70 ? `${command.slice(0, 67)}...` : command, rssMb: statusMb(status, 'VmRSS'), peakMb: statusMb(status, 'VmHWM'), cpuMs: cpu.get(pid) ?? 0 }];
    } catch {
      return [];
    }
  });
}

async function waitForGraphql(url: string, child: { exitCode: number | null }, limitMs = 300_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the command exited (code ${child.exitCode}) before the server answered`);
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      if (r.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > limitMs) throw new Error(`no answer from ${url} after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function load(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: EXAMPLES.map((e) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: e.query }) })),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
}

const opts = parseArgs(process.argv.slice(2));
const url = `http://127.0.0.1:${opts.port}/graphql`;
const child = spawn(opts.command[0]!, opts.command.slice(1), { env: { ...process.env, PORT: String(opts.port) }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.once('SIGINT', () => (stop(), process.exit(130)));
try {
  const readyMs = await waitForGraphql(url, child);
  await new Promise((r) => setTimeout(r, 2000)); // let start-up garbage be collected
  const started = processTree(child.pid!);
  const result = await load(url, opts.connections, opts.seconds);
  const loaded = processTree(child.pid!);
  // V8 gives heap pages back only once the process has been idle a while (its memory reducer)
  await new Promise((r) => setTimeout(r, opts.idle * 1000));
  const idle = processTree(child.pid!);
  console.log(`\n${machineLine()}\ncommand: ${opts.command.join(' ')}; answered after ${(readyMs / 1000).toFixed(1)} s; ` +
    `${opts.seconds} s of the ${EXAMPLES.length} README questions at c=${opts.connections}: ${result.requests.total} requests, ` +
    `${result.non2xx} non-2xx, ${result.errors} errors\n`);
  const at = (xs: ProcSample[]) => new Map(xs.map((p) => [p.pid, p]));
  const after = at(loaded), later = at(idle);
  const requests = Math.max(1, result.requests.total);
  const row = (name: string, pid: string, s: ProcSample[], l: ProcSample[], i: ProcSample[]) => {
    const sum = (xs: ProcSample[], f: (p: ProcSample) => number) => xs.reduce((t, p) => t + f(p), 0);
    // CPU per request rather than requests per second: the figure a busy shared machine disturbs least
    const cpu = (sum(l, (p) => p.cpuMs) - sum(s, (p) => p.cpuMs)) / requests;
    return [pid, name, ...[sum(s, (p) => p.rssMb), sum(l, (p) => p.rssMb), sum(i, (p) => p.rssMb), sum(i.length ? i : l, (p) => p.peakMb)].map((x) => x.toFixed(0)), cpu.toFixed(2)];
  };
  const one = (m: Map<number, ProcSample>, pid: number) => (m.has(pid) ? [m.get(pid)!] : []);
  const rows = started.map((p) => row(p.command, String(p.pid), [p], one(after, p.pid), one(later, p.pid)));
  rows.push(row('all processes', '', started, loaded, idle));
  console.log(markdownTable(['pid', 'process', 'RSS after start (MB)', 'RSS after load (MB)', `RSS ${opts.idle} s later (MB)`, 'peak (MB)', 'CPU ms / request'], rows));
} finally {
  stop();
}
