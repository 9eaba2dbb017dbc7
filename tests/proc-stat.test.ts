import { describe, expect, it } from 'vitest';
import { cpuMsOfCommand, parseProcStat, processStats } from '../bench/proc-stat.js';

// field layout of proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number) =>
  `${pid} (${comm}) S ${ppid} 1 1 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 5000 1000000 200`;

describe('parseProcStat', () => {
  it('reads the name, the parent and user plus system time in milliseconds', () => {
    expect(parseProcStat(line(42, 'postgres', 7, 150, 25))).toEqual({ pid: 42, comm: 'postgres', ppid: 7, cpuMs: 1750 });
  });
  it('keeps a name with spaces and parentheses whole', () => {
    expect(parseProcStat(line(9, 'a (b) c', 1, 1, 2))).toMatchObject({ comm: 'a (b) c', ppid: 1, cpuMs: 30 });
  });
  it('refuses a line without a name', () => {
    expect(() => parseProcStat('42 S 1 1')).toThrow(/not a \/proc/);
  });
});

describe('cpuMsOfCommand', () => {
  const stats = [line(1, 'postgres', 0, 10, 0), line(2, 'postgres', 1, 5, 5), line(3, 'node', 0, 99, 0)].map(parseProcStat);
  it('sums the CPU of every process of that name', () => {
    expect(cpuMsOfCommand('postgres', stats)).toBe(200);
  });
  it('is null when no such process is visible', () => {
    expect(cpuMsOfCommand('mysqld', stats)).toBeNull();
  });
  it.runIf(process.platform === 'linux')('finds this test process in /proc', () => {
    const self = processStats().find((s) => s.pid === process.pid);
    expect(self?.ppid).toBe(process.ppid);
    expect(self!.cpuMs).toBeGreaterThan(0);
  });
});
