/**
 * The one error type the library throws. `code` is stable and machine-readable (the message protocol
 * passes it on); `message` is written for the user.
 */
export type LibraryErrorCode =
  | 'quota' // the disk or the browser's storage quota is full
  | 'not-found' // no such paper, or nothing to undo
  | 'expired' // the undo came too late
  | 'invalid' // input the library cannot store
  | 'upgrade' // the database could not be opened or migrated
  | 'closed' // the connection was closed (newer version elsewhere, data cleared): open the library again
  | 'storage'; // any other IndexedDB failure

export class LibraryError extends Error {
  override readonly name = 'LibraryError';

  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorName(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : undefined;
}

function errorMessage(e: unknown): string {
  return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
    ? String((e as { message: unknown }).message)
    : String(e);
}

export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  // Firefox reported NS_ERROR_DOM_QUOTA_REACHED before it adopted the standard name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Any failure inside a library operation, as a `LibraryError`. */
export function toLibraryError(e: unknown, txError?: unknown): LibraryError {
  if (e instanceof LibraryError) return e;
  if (isQuotaError(e) || isQuotaError(txError)) {
    return new LibraryError(
      'quota',
      'The disk, or the browser’s storage for Papershelf, is full: nothing was changed. Free some disk space, then try again.',
      { cause: e },
    );
  }
  return new LibraryError(
    'storage',
    `The library could not be read or written: ${errorMessage(txError ?? e)}`,
    {
      cause: e,
    },
  );
}
