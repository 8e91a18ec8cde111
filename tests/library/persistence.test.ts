import { describe, expect, it, vi } from 'vitest';
import { requestPersistence } from '@/utils/library/persistence';

describe('requestPersistence', () => {
  it('asks for persistent storage once it is not yet granted', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persist, persisted: async () => false })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence({ persist, persisted: async () => true })).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports false when refused, absent or failing, and never throws', async () => {
    expect(
      await requestPersistence({ persist: async () => false, persisted: async () => false }),
    ).toBe(false);
    expect(await requestPersistence({} as never)).toBe(false);
    expect(
      await requestPersistence({
        persist: () => Promise.reject(new Error('denied')),
        persisted: async () => false,
      }),
    ).toBe(false);
  });
});
