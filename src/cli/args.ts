// One way every command reads its arguments: node:util parseArgs in strict mode (unknown
// options and missing values are errors), `--help` on every command, usage errors exit 2
// before anything is opened.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
}

/**
 * Parses `argv` for a command; `null` means `--help` was asked for and the usage printed. A
 * bad argument throws UsageError (the caller prints it with the usage and exits 2).
 */
export function parseCommand<O extends Options>(argv: string[], options: O, usage: string, opts: { positionals?: boolean } = {}): Parsed<O> | null {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: opts.positionals ?? false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    return null;
  }
  return parsed as unknown as Parsed<O>;
}

/** One of a closed set of values, compared case-insensitively; the error lists the allowed ones. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!hit) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return hit;
}

/** A positive integer option. */
export function positiveInt(name: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return wholeNumber(name, value, 1, max);
}

/** `value` of option `name` as a whole number from `min` to `max` (undefined if not given), else a UsageError. */
export function wholeNumber(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

/**
 * A script's arguments at its top level: `read` parses them (null: --help was printed, exit 0);
 * a UsageError prints its message with the usage and exits 2.
 */
export function argsOrExit<T>(usage: string, read: () => T | null): T {
  let args: T | null;
  try {
    args = read();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  if (args === null) process.exit(0);
  return args;
}

/** Runs a command body, turning a UsageError into its message, the usage line and exit code 2. */
export async function withUsage(usage: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
}
