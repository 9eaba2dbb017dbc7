// `ingest FILE|DIR|URL…`: extracts and stores each policy through the same path as the API
// (one transaction per policy version, idempotent by content hash); files are extracted in a
// worker pool (ingest-files.ts). A progress bar for many inputs. Exit 1 when any input failed.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { DEFAULT_DATA_DIR, openDbFromEnv } from '../db.js';
import { announcedServer, DataDirLockedError } from '../store/data-lock.js';
import { forwardIngest } from './forward-ingest.js';
import { ingestInput, type IngestResult } from '../store/ingest-input.js';
import type { Db } from '../db.js';
import { ingestFiles } from '../store/ingest-files.js';
import { parseCommand, positiveInt, UsageError, withUsage } from './args.js';

const USAGE = `usage: policy-graph ingest [--source NAME] [--threads N] [--key KEY] FILE|DIR|URL...
  Extracts and stores each policy (DATABASE_URL, else the embedded database in .data/pglite).
  A file's policy is identified by its real path, a URL's by the URL; --source names it instead.
  While a server holds the embedded database, the inputs are sent to its API instead: that
  needs an API key with the "write" scope, --key KEY or POLICY_GRAPH_KEY.`;

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push(input);
      continue;
    }
    const st = statSync(input, { throwIfNoEntry: false });
    if (!st) {
      out.push(input); // reported as missing before anything is opened
    } else if (st.isDirectory()) {
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.(txt|html?)$/i.test(e.name)) out.push(p);
        }
      };
      walk(input);
    } else out.push(input);
  }
  return out;
}

export function runIngest(args: string[]): Promise<number> {
  return withUsage(USAGE, () => ingest(args));
}

async function ingest(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { source: { type: 'string' }, threads: { type: 'string' }, key: { type: 'string' } }, USAGE, { positionals: true });
  if (!parsed) return 0;
  const { source } = parsed.values;
  const threads = positiveInt('threads', parsed.values.threads, 64);
  const inputs = parsed.positionals;
  if (!inputs.length) throw new UsageError('no input given');
  const unsupported = inputs.filter((i) => /^[a-z][a-z0-9+.-]*:\/\//i.test(i) && !/^https?:\/\//i.test(i));
  if (unsupported.length) throw new UsageError(`only http(s) URLs can be fetched: ${unsupported.join(', ')}`);
  const items = expandInputs(inputs);
  if (source && items.length > 1) throw new UsageError('--source applies to a single input');
  const urls = items.filter((i) => /^https?:\/\//i.test(i));
  const files = items.filter((i) => !/^https?:\/\//i.test(i));
  const missing = files.filter((f) => !statSync(f, { throwIfNoEntry: false })?.isFile());
  if (missing.length) {
    // checked before the database is opened (or created)
    for (const f of missing) console.error(`failed ${f}: no such file`);
    return 1;
  }
  const opened = await openOrFindServer(parsed.values.key ?? process.env.POLICY_GRAPH_KEY);
  const progress = createProgress(items.length);
  let created = 0;
  let unchanged = 0;
  const failed: string[] = [];
  const report = (item: string, r: Reported | undefined, e: Error | undefined) => {
    if (e) failed.push(`${item}: ${e.name}: ${e.message}`);
    else if (r!.created) created++;
    else unchanged++;
    if (r && !progress.visible) console.log(`${r.duplicateOf ? 'duplicate  ' : r.created ? 'new version' : 'unchanged  '} ${item}: ${r.duplicateOf ? `the same text as ${r.duplicateOf}` : `${r.summary.recipients} recipients, ${r.summary.transfers} transfers`} (${r.versionId})`);
    progress.tick(item);
  };
  const t0 = Date.now();
  if ('server' in opened) {
    console.error(`the server at ${opened.server} holds the embedded database: sending the inputs to its API`);
    for (const item of [...urls, ...files]) {
      const isUrl = /^https?:\/\//i.test(item);
      try {
        report(item, await forwardIngest(opened.server, opened.key, { input: item, isUrl, source: source ?? (isUrl ? undefined : canonicalPath(item)) }), undefined);
      } catch (e) {
        report(item, undefined, e as Error);
      }
    }
    progress.stop();
    return finish();
  }
  const { db } = opened;
  try {
    for (const url of urls) {
      try {
        // local and private hosts only where the operator allows them, as for the server
        report(url, await ingestInput(db.prisma, { url, source }, { allowPrivateNetwork: process.env.ALLOW_PRIVATE_URLS === '1' }), undefined);
      } catch (e) {
        report(url, undefined, e as Error);
      }
    }
    if (files.length) {
      await ingestFiles(
        db.prisma,
        // the real path: the same file ingested from another folder (or through a link) is the same policy
        files.map((f) => ({ path: f, source: source ?? canonicalPath(f) })),
        { threads, onOutcome: (o) => report(o.item.path, o.result, o.error) },
      );
    }
  } finally {
    progress.stop();
    await db.close();
  }
  return finish();

  function finish(): number {
    for (const f of failed) console.error(`failed ${f}`);
    const ms = Date.now() - t0;
    console.log(`${items.length} inputs in ${ms} ms (${((items.length * 1000) / Math.max(ms, 1)).toFixed(1)}/s): ${created} new versions, ${unchanged} unchanged, ${failed.length} failed`);
    return failed.length ? 1 : 0;
  }
}

/** What a line of output says of an ingested input, stored here or by a server. */
type Reported = Pick<IngestResult, 'created' | 'duplicateOf' | 'versionId'> & { summary: Pick<IngestResult['summary'], 'recipients' | 'transfers'> };

/** The database, or — when a live server holds the embedded one — that server's API (never two writers). */
async function openOrFindServer(key: string | undefined): Promise<{ db: Db } | { server: string; key: string }> {
  try {
    return { db: await openDbFromEnv() };
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    const server = announcedServer(process.env.PGLITE_DIR || DEFAULT_DATA_DIR);
    if (!server) throw e;
    if (!key) throw new UsageError(`the server at ${server.url} holds the embedded database: pass an API key with the "write" scope (--key KEY or POLICY_GRAPH_KEY) to send these inputs to it, or stop it first`);
    return { server: server.url, key };
  }
}

function canonicalPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file); // missing: reported as failed by the ingest loop
  }
}

/** A progress bar on a terminal; on a pipe, a line every 5% once there are many inputs. */
function createProgress(total: number) {
  if (total > 1 && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { file: '' });
    return { visible: true, tick: (item: string) => bar.increment(1, { file: path.basename(item) }), stop: () => bar.stop() };
  }
  const step = total >= 100 ? Math.ceil(total / 20) : Infinity;
  let done = 0;
  const t0 = Date.now();
  return {
    visible: step !== Infinity,
    tick: () => {
      if (++done % step === 0 || (done === total && step !== Infinity)) {
        console.error(`ingest: ${done}/${total} (${((done * 1000) / Math.max(Date.now() - t0, 1)).toFixed(1)}/s)`);
      }
    },
    stop: () => {},
  };
}
