/// <reference types="vitest/config" />
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { FIRST_SCREEN_TEXTS, splitMessages, type Messages, type TextPart } from './src/client/i18n/parts'

const apiTarget = `http://localhost:${process.env.PORT ?? 8080}`

/**
 * Writes .br and .gz beside every compressible built file so the server can send them as they are
 * (no compression per request). Runs last, after the service worker has been generated.
 */
export function precompress(): Plugin {
  let outDir = 'dist'
  const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return {
    name: 'mls-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of walk(outDir)) {
          if (!compressible.test(file)) continue
          const source = readFileSync(file)
          if (source.length < 1024) continue
          writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }))
          writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }))
        }
      },
    },
  }
}

// Every component uses <script setup>: Vue's Options API and devtools hooks are dead weight on
// the first screen (less code to parse and run before the lights show). Shared with the bench's
// floor page (test/bench/floor), which must be built the same way.
export const VUE_DEFINE = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
}

/**
 * How the JavaScript is built, shared with the bench's floor page: terser rather than esbuild's
 * minifier, which leaves the first screen's chunk some 6 % larger (more to download, parse and run
 * before the lights). File names carry 6 characters of hash rather than 8: the entry chunk lists
 * every lazy chunk's file and styles (to preload them), and random characters do not compress —
 * 36 bits still tell one build's file from another's. Terser may treat reading a property as free
 * of side effects (pure_getters), as Vue's own production builds do (the app's code reads no
 * property for its effect alone): some 350 bytes of the first screen's chunk go.
 */
export const BUILD_OUTPUT = {
  sourcemap: false,
  target: 'es2022',
  minify: 'terser',
  terserOptions: { compress: { passes: 3, pure_getters: true } },
  rollupOptions: {
    output: { entryFileNames: 'assets/[name]-[hash:6].js', chunkFileNames: 'assets/[name]-[hash:6].js', assetFileNames: 'assets/[name]-[hash:6][extname]' },
  },
} as const

/** Messages are compiled at build time: the runtime needs no message compiler, so no eval and a strict CSP holds. */
export function i18nPlugin(include: string) {
  return VueI18nPlugin({
    include: [include],
    runtimeOnly: true,
    compositionOnly: true,
    fullInstall: false,
    // Every message is compiled at build time, so the runtime compiler is dead weight: drop it.
    dropMessageCompiler: true,
    strictMessage: true,
    escapeHtml: false,
  })
}

const LOCALES_DIR = resolve(__dirname, 'src/client/i18n/locales')

/**
 * `virtual:texts/da/first` and `virtual:texts/da/later` (and en): one language's messages split into
 * the first screen's texts and the rest (src/client/i18n/parts.ts). Each part resolves to a path
 * in the locales folder, so @intlify/unplugin-vue-i18n (i18nPlugin) precompiles it like a file.
 */
export function textParts(localesDir = LOCALES_DIR): Plugin {
  const PART_FILE = /^(da|en)\.(first|later)\.json$/
  return {
    name: 'mls-text-parts',
    enforce: 'pre',
    resolveId(id) {
      const m = /^virtual:texts\/(da|en)\/(first|later)$/.exec(id)
      return m ? join(localesDir, `${m[1]}.${m[2]}.json`) : null
    },
    load(id) {
      const m = dirname(id) === localesDir ? PART_FILE.exec(basename(id)) : null
      if (!m) return null
      const source = join(localesDir, `${m[1]}.json`)
      this.addWatchFile(source)
      const messages = JSON.parse(readFileSync(source, 'utf8')) as Messages
      return JSON.stringify(splitMessages(messages, FIRST_SCREEN_TEXTS)[m[2] as TextPart])
    },
  }
}

/**
 * Which of a lazy chunk's imports Vite preloads (a `<link rel="modulepreload">` each, inserted as the
 * chunk is asked for): only a page's and the history chart's, which a person waits for after a tap, so
 * they come in one round trip. What loads after the first screen (sync status, update prompt, steps,
 * the dialogue chain, the sync engine …) loads its imports as it runs: nobody waits for it, and the
 * two dozen links it inserted cost the first screen's main thread more than the round trips cost
 * anyone. Chunks take their module's name, so a page is a `…View` or `…Pages` chunk, a chart a `…Chart` one.
 */
const PRELOADED = /(^|\/)[A-Za-z]+(View|Pages|Chart)-[\w-]+\.js$/
function preloadOnlyWhatIsWaitedFor(filename: string, deps: string[]): string[] {
  return PRELOADED.test(filename) ? deps : []
}

/** index.html without the manifest link vite-plugin-pwa adds: the app links it later (src/client/pwa/manifestLink.ts). */
function manifestLinkAfterFirstScreen(): Plugin {
  return {
    name: 'manifest-link-after-first-screen',
    enforce: 'post',
    transformIndexHtml: { order: 'post', handler: (html) => html.replace(/<link rel="manifest"[^>]*>/, '') },
  }
}

export default defineConfig({
  define: VUE_DEFINE,
  plugins: [
    vue(),
    textParts(),
    i18nPlugin(`${LOCALES_DIR}/**`),
    VitePWA({
      // 'prompt': an automatic reload could throw away what the leader is typing; they choose when.
      registerType: 'prompt',
      // We register from src/client/pwa/ through the virtual module: no inline script in index.html.
      injectRegister: false,
      // globPatterns below already precaches the icons; listing them again would only duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: 'Min lederside',
        short_name: 'Lederside',
        description: 'Økonomiske måltal som trafiklys for ledere af skoler og dagtilbud — også uden net.',
        lang: 'da',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#14365d',
        background_color: '#f6f7f9',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // Data lives in Dexie; the service worker never caches /api/.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
    manifestLinkAfterFirstScreen(),
    precompress(),
  ],
  build: { outDir: 'dist', ...BUILD_OUTPUT, modulePreload: { resolveDependencies: preloadOnlyWhatIsWaitedFor } },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
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
        test: { name: 'client', include: ['test/client/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['test/client/setup.ts'] },
      },
    ],
  },
})
