// Starts a server under test (bench/api/server-child.ts, ours, or postgraphile-child.ts, the
// peer) as a separate Node process (same tsx loader, given DATABASE_URL) and talks to it over
// IPC (./ipc.ts): its port, memory samples, requests in flight, cache counters, and shutdown.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage } from './ipc.js';
import type { ResponseCacheStats } from '../../src/graphql/response-cache.js';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  memory(): Promise<MemorySample>;
  /** Requests the server has received and not yet answered (or seen abandoned). */
  inFlight(): Promise<number>;
  /** The response cache's hits, misses and invalidations so far; null when it has none. */
  cacheStats(): Promise<ResponseCacheStats | null>;
  stop(): Promise<void>;
}

export type ServerKind = 'ours' | 'postgraphile';
const SCRIPTS: Record<ServerKind, string> = { ours: 'server-child.ts', postgraphile: 'postgraphile-child.ts' };

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, kind: ServerKind = 'ours'): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, SCRIPTS[kind]), [], {
    // execArgv is inherited: under tsx it carries the TypeScript loader.
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(m as Extract<ChildMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`server process exited (code ${code}) before "${type}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next('listening');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    async memory() {
      const reply = next('memory');
      child.send({ type: 'memory' });
      const { type: _t, ...sample } = await reply;
      return sample;
    },
    async inFlight() {
      const reply = next('inFlight');
      child.send({ type: 'inFlight' });
      return (await reply).count;
    },
    async cacheStats() {
      const reply = next('cacheStats');
      child.send({ type: 'cacheStats' });
      return (await reply).stats;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
