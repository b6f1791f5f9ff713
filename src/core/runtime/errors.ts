// Errors the user can act on are kept apart from faults; run.ts maps both in one place.

/** Something the user did that we can explain: shown as-is, privately, with the usage line. */
export class UserError extends Error {
  override name = 'UserError';
}
