// Starts a server under test as a separate Node process, plain node with no TypeScript loader:
// ours is dist/cli/serve.js, exactly what `npm start` runs (so its memory figures are the
// server's as users run it), the peer bench/api/postgraphile-child.mjs. Given DATABASE_URL and
// REPORT_TO_PARENT=1, each talks to the bench over IPC (src/http/parent-ipc.ts): its port,
// memory samples, requests in flight, cache counters, and shutdown (the bench disconnects).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { ChildMessage } from '../../src/http/parent-ipc.js';
import type { ResponseCacheStats } from '../../src/graphql/response-cache.js';
import { SERVER_NODE_FLAGS } from '../../src/cli/v8-flags.js';

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
const root = path.resolve(import.meta.dirname, '../..');
const SCRIPTS: Record<ServerKind, string> = { ours: path.join(root, 'dist/cli/serve.js'), postgraphile: path.join(import.meta.dirname, 'postgraphile-child.mjs') };

/** A port nothing listens on now (serve takes --port; the peer listens on any). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Node's flags for a server process: not the bench's tsx loader (the servers run as built JavaScript); ours with those npm start gives it. */
export function serverExecArgv(kind: ServerKind): string[] {
  return kind === 'ours' ? [...SERVER_NODE_FLAGS] : [];
}

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, kind: ServerKind = 'ours'): Promise<ServerProcess> {
  if (!existsSync(SCRIPTS[kind])) throw new Error(`${path.relative(root, SCRIPTS[kind])} is missing: run \`npm run build\` (npm install does)`);
  const args = kind === 'ours' ? ['--port', String(await freePort()), '--host', '127.0.0.1'] : [];
  const child: ChildProcess = fork(SCRIPTS[kind], args, {
    execArgv: serverExecArgv(kind),
    // both servers as deployed (NODE_ENV=production: graphql-js without its development-mode
    // checks, ours without GraphiQL and introspection); a row's env may still say otherwise
    env: { ...process.env, NODE_ENV: 'production', ...env, DATABASE_URL: databaseUrl, REPORT_TO_PARENT: '1' },
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
