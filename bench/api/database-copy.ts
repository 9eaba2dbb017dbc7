// A throw-away copy of the benchmark database (`CREATE DATABASE <name>_during TEMPLATE <name>`),
// for rows that write — the during-ingest rows — so the database other runs compare against
// is never changed. The copy is dropped when its row is done, when the run fails, and on
// SIGINT/SIGTERM; one left by a killed run (SIGKILL, power loss) is refused rather than
// silently dropped, with the command to drop it.
import pg from 'pg';

export interface DatabaseCopy {
  name: string;
  url: string;
  /** Drops the copy (its connections are ended first); safe to call twice. */
  drop(): Promise<void>;
}

const adminUrl = (url: string) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.href;
};

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl(url) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Copies the database at `url` to `<name><suffix>` on the same server. Nothing may be connected to the original meanwhile (PostgreSQL's rule for templates). */
export async function copyDatabase(url: string, suffix = '_during'): Promise<DatabaseCopy> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  const name = `${source}${suffix}`;
  if (!/^\w+$/.test(name) || name.length > 63) throw new Error(`cannot copy database "${source}": the copy's name "${name}" must be letters, digits and _ (at most 63)`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name}`);
    drop().then(
      () => process.exit(signal === 'SIGINT' ? 130 : 143),
      (e) => {
        console.error(`could not drop ${name}: ${(e as Error).message}; drop it with: dropdb ${name}`);
        process.exit(1);
      },
    );
  };
  await admin(url, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) throw new Error(`database ${name} exists already (left by an interrupted run, or another run is using it): drop it with \`dropdb ${name}\` if no run is`);
    // registered before the copy starts: an interrupt during a long copy still drops it
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    // FILE_COPY: the files as they are, instead of writing the whole database (1 GB at 10,000
    // policies) to the WAL as the default strategy does
    const strategy = Number((await c.query('SHOW server_version_num')).rows[0].server_version_num) >= 150000 ? ' STRATEGY FILE_COPY' : '';
    try {
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"${strategy}`);
    } catch (e) {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      if ((e as { code?: string }).code === '55006') throw new Error(`cannot copy ${source}: other sessions are connected to it (another benchmark or server?); PostgreSQL copies a database only while nobody uses it`);
      throw e;
    }
  });
  return { name, url: target.href, drop };
}
