// Builds the floor page (test/bench/floor) into a copy of the app's build, so the same server
// serves both with the same headers: its hashed files go into /assets/ beside the app's (a year's
// immutable cache, precompressed .br/.gz) and its index.html into /floor/ (no-cache, like the app's).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copyOfBuild } from '../helpers/dist'
import { REPO_ROOT } from '../helpers/server-process'

export const FLOOR_PATH = '/floor/'

export function buildWithFloor(dist: string): { dir: string; remove(): void } {
  const out = mkdtempSync(join(tmpdir(), 'mls-floor-'))
  try {
    const config = join(REPO_ROOT, 'test/bench/floor/vite.config.ts')
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--outDir', out, '--emptyOutDir'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    )
    if (result.status !== 0) throw new Error(`floor build failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
    const served = copyOfBuild(dist)
    cpSync(join(out, 'assets'), join(served.dir, 'assets'), { recursive: true })
    mkdirSync(join(served.dir, 'floor'))
    for (const name of ['index.html', 'index.html.br', 'index.html.gz']) {
      if (existsSync(join(out, name))) cpSync(join(out, name), join(served.dir, 'floor', name))
    }
    return served
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
