/** The store could not be reached: the user is asked to try again, pure math keeps working. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}
