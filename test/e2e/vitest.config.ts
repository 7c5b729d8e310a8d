// End-to-end journeys in Debian's Chromium (playwright-core), against the real server on a fresh
// embedded database with the demo municipality. Run with `npm run test:e2e` (it builds first).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
