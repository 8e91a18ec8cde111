import { defineConfig } from 'vitest/config';

// End-to-end tests: a real browser loads the built extension. Run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time: the machines have two cores.
    fileParallelism: false,
    reporters: ['default'],
  },
});
