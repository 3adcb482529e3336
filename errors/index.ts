/**
 * The error catalog's building blocks. Every failure a user can fix is a `StranglerError`
 * with a stable `code` and a `hint` that says what to do; the library throws them and the
 * CLI prints them (`cli/report-error.ts`). Each area keeps its own catalog in an `errors.ts`
 * (`analyzer/errors.ts`, `proxy/errors.ts`, `cli/errors.ts`, ...) built with `defineErrors`,
 * and `test/errors-catalog.test.ts` checks every code is documented in `docs/errors.md`.
 */

export interface ErrorKind {
  /** Stable, documented identifier, e.g. `ANALYZE_DIR_NOT_FOUND`. Never reworded. */
  readonly code: string;
  /** What the user can do about it, one sentence, ideally with an example command. */
  readonly hint: string;
  /** 1: a failure the user can fix (default). 2: bad usage of the command line. */
  readonly exitCode: 1 | 2;
}

export type ErrorCatalog<K extends string = string> = { readonly [code in K]: ErrorKind };

/** Turns `{ CODE: { hint } }` into a catalog whose entries know their own code. */
export function defineErrors<K extends string>(
  specs: Record<K, { hint: string; exitCode?: 1 | 2 }>,
): ErrorCatalog<K> {
  const catalog = {} as Record<K, ErrorKind>;
  for (const code of Object.keys(specs) as K[]) {
    const spec = specs[code];
    catalog[code] = Object.freeze({ code, hint: spec.hint, exitCode: spec.exitCode ?? 1 });
  }
  return Object.freeze(catalog);
}

export class StranglerError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly exitCode: 1 | 2;
  /** Structured context (file, path, line...) for JSON output and tests; never secrets. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    kind: ErrorKind,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown>; hint?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StranglerError';
    this.code = kind.code;
    this.hint = options.hint ?? kind.hint;
    this.exitCode = kind.exitCode;
    this.details = Object.freeze({ ...options.details });
  }
}

export function isStranglerError(value: unknown): value is StranglerError {
  return value instanceof StranglerError;
}
