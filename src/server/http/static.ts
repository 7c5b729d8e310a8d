// Serves the built PWA. Hashed files under /assets/ never change, so browsers keep them for a year;
// the entry points (index.html, the service worker, the manifest) must always be revalidated, or
// an installed app would never see an update.
import { existsSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'

const NO_CACHE = /^(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[^/]*\.js)$/

function cacheControlFor(root: string, path: string): string {
  if (relative(root, path).split(sep)[0] === 'assets') return 'public, max-age=31536000, immutable'
  if (NO_CACHE.test(basename(path).replace(/\.(br|gz)$/, ''))) return 'no-cache'
  return 'public, max-age=3600'
}

export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', cacheControlFor(staticDir, path))
    },
  })
}

export function hasIndex(staticDir: string | undefined): staticDir is string {
  return staticDir !== undefined && existsSync(join(staticDir, 'index.html'))
}

/** Client-side routes (e.g. /enheder/42) load the app shell; everything else is a real 404. */
export function wantsSpaFallback(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? ''
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    path !== '/api' &&
    (request.headers.accept ?? '').includes('text/html')
  )
}

export function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html')
}
