// The built PWA: where it is, building it when missing, and serving a throw-away copy that a test
// may overwrite (to play a newer release) without touching dist/.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { REPO_ROOT } from './server-process'

// MLS_DIST: serve another build (e.g. one made outside the repo) instead of dist/.
export const DIST = process.env.MLS_DIST ? resolve(process.env.MLS_DIST) : join(REPO_ROOT, 'dist')

/** Runs `vite build` into outDir (default dist/). Throws with vite's output on failure. */
export function buildDist(outDir = DIST, env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`vite build failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
}

/** dist/ as it is, built first when it is missing. */
export function ensureDist(): string {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'sw.js'))) buildDist()
  return DIST
}

/** A temp copy of a build, to serve and later overwrite. */
export function copyOfBuild(source = DIST): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mls-served-'))
  cpSync(source, dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
