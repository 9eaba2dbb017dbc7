// Prisma's official WebAssembly schema engine, loaded by hand so that neither Node 20's
// `--experimental-wasm-modules` nor a bundler is needed (its package entry does
// `import * as wasm from "./schema_engine_bg.wasm"`). We instantiate the same module with the
// package's own JS glue, exactly as that entry would. Migrations and diffs go through it
// because the native engine of the Prisma CLI cannot be downloaded here (NOTES.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
let ready: Promise<Glue> | undefined;

/** The glue and its instantiated module, loaded on first use: a process with no migration to apply never holds either. */
function init(): Promise<Glue> {
  return (ready ??= import('@prisma/schema-engine-wasm/schema_engine_bg').then((glue) => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const mod = new WebAssembly.Module(readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(mod, { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports });
    (glue as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  }));
}

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(
  schemaPath: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (msg: string) => void = () => {},
): Promise<SchemaEngine> {
  const glue = await init();
  const Engine = (glue as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
  return Engine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] },
    (msg: string) => log(msg),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

export function readMigrations(migrationsDir: string): MigrationList {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}
