/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const apiTarget = `http://localhost:${process.env.PORT ?? 8080}`

export default defineConfig({
  plugins: [vue()],
  build: { outDir: 'dist', sourcemap: false },
  server: { proxy: { '/api': apiTarget } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'client', include: ['test/client/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
})
