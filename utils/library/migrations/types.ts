import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One schema step. Migrations see the database untyped: the typed `LibrarySchema` describes only the
 * newest version, and each migration file describes the record shape it upgrades from.
 *
 * `up` runs inside the upgrade (versionchange) transaction and may await only that transaction's own
 * requests; a rejection aborts the whole upgrade, leaving the database at its previous version.
 */
export interface Migration {
  /** The version this migration upgrades to: 1, 2, … */
  version: number;
  name: string;
  up(
    db: IDBPDatabase<unknown>,
    tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  ): Promise<void>;
}
