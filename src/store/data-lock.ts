// One process at a time on an embedded (PGlite) data folder. proper-lockfile keeps a lock
// directory beside the data whose mtime the holder refreshes; a lock left by a crashed process
// goes stale and is taken over, so a kill -9 never locks the data for good.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `the embedded database in ${dataDir} is in use by another process (a running \`npm start\`?). ` +
        'PGlite allows one process per folder: stop that process, send the work to its API (ingestPolicy), ' +
        'or use a PostgreSQL server with DATABASE_URL for several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Locks `dataDir` (which must exist) for this process; resolves to the release function. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  try {
    const release = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      stale: 15_000,
      update: 5_000,
      realpath: false,
      // the lock was taken over (this process stalled past `stale`): say so instead of crashing
      onCompromised: (err) => console.error(`warning: lost the lock on ${dir}: ${err.message}`),
    });
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await release().catch(() => {}); // already compromised or removed: nothing left to release
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw e;
  }
}

/** Where a server holding `dataDir` says how to reach it, so a CLI command can send it its work. */
function announcementPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.server.json`;
}

export interface ServerAnnouncement {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  pid: number;
}

/** Written by a server once it listens on `dataDir`'s database; the returned function removes it. */
export function announceServer(dataDir: string, url: string): () => void {
  const file = announcementPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ url, pid: process.pid } satisfies ServerAnnouncement));
  renameSync(tmp, file); // readers never see half a file
  return () => rmSync(file, { force: true });
}

/** The server that announced itself on `dataDir`, if its process is still alive. */
export function announcedServer(dataDir: string): ServerAnnouncement | null {
  let parsed: Partial<ServerAnnouncement>;
  try {
    parsed = JSON.parse(readFileSync(announcementPath(dataDir), 'utf8')) as Partial<ServerAnnouncement>;
  } catch {
    return null;
  }
  if (typeof parsed.url !== 'string' || typeof parsed.pid !== 'number') return null;
  try {
    process.kill(parsed.pid, 0); // signal 0: only asks whether the process exists
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { url: parsed.url, pid: parsed.pid };
}
