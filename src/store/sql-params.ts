// Positional parameters for hand-written SQL: every value goes in as $n, never into the text.

export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n` for a value (a JS array binds as a PostgreSQL array). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
