import { migration001 } from './001-initial';
import { migration002 } from './002-versions-and-work-keys';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order; the last one's version is the library's schema version. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export const LIBRARY_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
