// An import of 100,000 lines (importRun.ts, in a process of its own so that its peak memory is the
// import's): parsed, checked and written ≤ 10 s on the embedded database with memory below 500 MB;
// the same file again ≤ 5 s, writing nothing.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeExportFile } from './importFile'
import { figure, type Figure } from './report'

export const IMPORT_BUDGET_MS = 10_000
export const REIMPORT_BUDGET_MS = 5_000
export const IMPORT_MEMORY_BUDGET_MB = 500

interface Run {
  lines: number
  bytes: number
  firstMs: number
  againMs: number
  written: number
  rewritten: number
  growthMb: number
  peakMb: number
}

export function benchImport(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mls-import-'))
  let run: Run
  try {
    const path = join(dir, 'figures.csv')
    writeExportFile(path)
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/importRun.ts', path], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    })
    run = JSON.parse(out.trim().split('\n').at(-1)!) as Run
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const file = `${run.lines.toLocaleString('da-DK')} lines, ${(run.bytes / 1024 / 1024).toFixed(1)} MB Windows-1252`
  return Promise.resolve([
    figure('import of 100,000 lines', Math.round(run.firstMs), ' ms', '<=', IMPORT_BUDGET_MS, `${file}; ${run.written} figures written`),
    figure('the same file again', Math.round(run.againMs), ' ms', '<=', REIMPORT_BUDGET_MS, `${run.rewritten} figures written`),
    figure(
      'memory the import took',
      Math.round(run.growthMb),
      ' MB',
      '<=',
      IMPORT_MEMORY_BUDGET_MB,
      `peak heap + external above before it; the process's resident size at most ${Math.round(run.peakMb)} MB, most of it PGlite's memory reserved at start`,
    ),
    figure('rows changed by the same file again', run.rewritten, '', '<=', 0),
  ])
}
