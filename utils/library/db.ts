import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { LibraryError } from './errors';
import { Library, type LibraryOptions } from './library';
import { LIBRARY_VERSION, MIGRATIONS } from './migrations';
import { LIBRARY_DB_NAME, type LibrarySchema } from './schema';

/**
 * Opening the library database: runs the numbered migrations (`migrations/`) from the version on disk
 * up to `LIBRARY_VERSION`, all inside the one upgrade transaction, so that a failing step leaves the
 * database exactly as it was.
 */

export interface OpenOptions {
  /** Database name; tests use a fresh one (or a fresh factory) each. */
  name?: string;
  /** The IndexedDB factory: the global `indexedDB` by default; tests pass fake-indexeddb's. */
  factory?: IDBFactory;
  /** Stop at this schema version (tests of migrations write old databases with it). */
  version?: number;
}

/** Opens (creating or upgrading) the raw database. Rejects with a `LibraryError` ('upgrade'). */
export async function openDatabase(
  options: OpenOptions = {},
): Promise<IDBPDatabase<LibrarySchema>> {
  const name = options.name ?? LIBRARY_DB_NAME;
  const version = options.version ?? LIBRARY_VERSION;
  const factory = options.factory ?? globalThis.indexedDB;
  if (!factory) throw new LibraryError('upgrade', 'IndexedDB is not available here.');
  let failure: unknown;
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, version);
  } catch (e) {
    throw new LibraryError('upgrade', `The library could not be opened: ${String(e)}`, {
      cause: e,
    });
  }
  const opened = wrap(request) as unknown as Promise<IDBPDatabase<LibrarySchema>>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<unknown>;
    const tx = wrap(request.transaction!) as unknown as IDBPTransaction<
      unknown,
      string[],
      'versionchange'
    >;
    // A failed upgrade is reported by the open request; the transaction's own promise is not needed.
    tx.done.catch(() => undefined);
    const run = async () => {
      for (const m of MIGRATIONS) {
        if (m.version > event.oldVersion && m.version <= version) await m.up(db, tx);
      }
    };
    run().catch((e: unknown) => {
      failure = e;
      try {
        tx.abort();
      } catch {
        // Already finished: the open request reports the failure.
      }
    });
  });
  try {
    const db = await opened;
    // Another context wants a newer schema (an updated extension): let it upgrade.
    db.addEventListener('versionchange', () => db.close());
    return db;
  } catch (e) {
    if (e instanceof LibraryError) throw e;
    const cause = failure ?? e;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new LibraryError('upgrade', `The library could not be opened or upgraded: ${detail}`, {
      cause,
    });
  }
}

/** Opens the library, ready for use. The background worker calls this once and keeps the result. */
export async function openLibrary(
  options: Omit<OpenOptions, 'version'> & LibraryOptions = {},
): Promise<Library> {
  return new Library(await openDatabase({ ...options, version: LIBRARY_VERSION }), options);
}
