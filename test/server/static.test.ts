// Serving the built PWA: precompressed files, cache headers, and the SPA fallback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app'
import type { Db } from '../../src/server/db/db'

// The static part never touches the database.
const noDb: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('no database in this test')),
  exec: () => Promise.reject(new Error('no database in this test')),
  transaction: () => Promise.reject(new Error('no database in this test')),
  close: () => Promise.resolve(),
}

const INDEX = '<!doctype html><title>Min lederside</title><script type="module" src="/assets/app-abc123.js"></script>'
const APP_JS = `console.log(${JSON.stringify('x'.repeat(4000))})`

let dir: string
let app: FastifyInstance
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mls-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), INDEX)
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Min lederside"}')
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), APP_JS)
  writeFileSync(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(APP_JS))
  writeFileSync(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(APP_JS))
  app = await buildApp({ db: noDb, demo: false, staticDir: dir })
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('static PWA', () => {
  it('serves hashed assets precompressed and immutable', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const gz = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' })
    expect(plain.body).toBe(APP_JS)
  })

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])('%s is never cached without revalidation', async (url) => {
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-cache')
  })

  it('answers client-side routes with the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/enheder/unit-1?fane=budget', headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe(INDEX)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('keeps /api and non-HTML requests as real 404s', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/findes-ikke', headers: { accept: 'text/html' } })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toMatchObject({ error: 'not_found' })
    const img = await app.inject({ method: 'GET', url: '/assets/findes-ikke.png', headers: { accept: 'image/*' } })
    expect(img.statusCode).toBe(404)
  })
})
