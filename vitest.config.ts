import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'transforms/__tests__/**/*.test.ts'],
    // The end-to-end tests spawn the built CLI and npm; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
