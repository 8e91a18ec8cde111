/**
 * The library: saved papers in IndexedDB, opened by the background worker only.
 *
 * - `schema.ts`      the record, its versions and keys, the typed DBSchema
 * - `migrations/`    numbered schema steps, each with a test that upgrades real old data
 * - `identity.ts`    when two papers are the same work (incl. preprint and published versions)
 * - `merge.ts`       saving again: the richer value of each field wins, user data is kept
 * - `library.ts`     the operations, one transaction each
 * - `db.ts`          opening (and upgrading) the database
 */
export { openLibrary, openDatabase, type OpenOptions } from './db';
export {
  Library,
  normalizePaper,
  type ImportItem,
  type ImportResult,
  type LibraryOptions,
  type LibraryStats,
  type ListQuery,
  type ListResult,
  type RemoveResult,
  type SaveOutcome,
  type SaveResult,
  type SortKey,
  type UndoResult,
  type UserDataPatch,
} from './library';
export { LibraryError, type LibraryErrorCode } from './errors';
export { requestPersistence } from './persistence';
export type { WorkLike } from './identity';
export {
  LIBRARY_DB_NAME,
  READING_STATUSES,
  type LibraryRecord,
  type PaperVersion,
  type ReadingStatus,
  type RecordKeys,
  type UserData,
} from './schema';
export { LIBRARY_VERSION } from './migrations';
