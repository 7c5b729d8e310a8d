// Plays "a newer release is deployed" on a served copy of the build: index.html changes, so the
// service worker's precache revision changes, so sw.js is byte-different and the browser installs it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { brotliCompressSync, gzipSync } from 'node:zlib'

function write(dir: string, name: string, text: string): void {
  const path = join(dir, name)
  writeFileSync(path, text)
  // The server prefers the precompressed twins: replace them too, or it would send the old release.
  rmSync(`${path}.gz`, { force: true })
  rmSync(`${path}.br`, { force: true })
  writeFileSync(`${path}.gz`, gzipSync(text))
  writeFileSync(`${path}.br`, brotliCompressSync(text))
}

export function publishNewerRelease(dir: string, releaseId: string): void {
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('</head>', `  <meta name="release" content="${releaseId}" />\n  </head>`)
  const revision = createHash('md5').update(html).digest('hex')
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
  const next = sw.replace(/\{url:"index\.html",revision:"[0-9a-f]+"\}/, `{url:"index.html",revision:"${revision}"}`)
  if (next === sw) throw new Error('sw.js has no precache entry for index.html to bump')
  write(dir, 'index.html', html)
  write(dir, 'sw.js', next)
}
