// Errors the user can act on are kept apart from faults; run.ts maps both in one place.

/**
 * Something the user did that we can explain: shown as-is, privately, with the usage line. `code` is
 * stable (tests and metrics use it; only people read the words), `values` are what the words quote.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: string,
    message: string,
    readonly values: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}
