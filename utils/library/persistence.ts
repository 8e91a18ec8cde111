/**
 * Asks the browser to keep the library when disk space runs low (`navigator.storage.persist()`), so
 * that IndexedDB is not evicted. Extensions with `unlimitedStorage` are usually granted this already;
 * the call is harmless then. Resolves to whether storage is persistent; `false` when the API is absent
 * or refuses. Never throws.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
