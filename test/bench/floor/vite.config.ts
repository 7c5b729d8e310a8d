// The floor page of `npm run bench` (see floor/main.ts), built as the app is: the same Vue flags,
// the same precompiled vue-i18n, the same minifier, the same .br/.gz twins. Base '/': its hashed files go beside the
// app's in /assets/ (so they get the same cache headers) and its index.html into /floor/.
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { BUILD_OUTPUT, i18nPlugin, precompress, VUE_DEFINE } from '../../../vite.config'

const here = import.meta.dirname

export default defineConfig({
  root: here,
  base: '/',
  define: VUE_DEFINE,
  plugins: [vue(), i18nPlugin(resolve(here, 'messages/**')), precompress()],
  build: { outDir: join(tmpdir(), 'mls-floor'), emptyOutDir: true, ...BUILD_OUTPUT },
})
