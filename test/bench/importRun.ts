// The import bench's own process (import.ts starts it with the file's path, so that what it holds
// is the import's): a fresh embedded database with 1,000 units, the file imported, then imported
// again. Prints one JSON line: the times, the rows written, and the memory the import took — the
// peak of the JavaScript heap and of the memory outside it (buffers, PGlite's WebAssembly memory),
// sampled while it ran, above what they were before it began — and the process's resident size.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { openDb, type Db } from '../../src/server/db/db'
import { migrate } from '../../src/server/db/migrate'
import { commitImport } from '../../src/server/import/run'
import { UNITS } from './importFile'

const TODAY = '2026-12-15'

async function municipality(db: Awaited<ReturnType<typeof openDb>>): Promise<void> {
  await db.query(`insert into municipality (id, name) values ('k', 'Benchkommune')`)
  await db.query(`insert into area (id, municipality_id, name, kind) select 'a' || i, 'k', 'Område ' || i, 'mixed' from generate_series(1, 10) i`)
  await db.query(
    `insert into unit (id, area_id, name, unit_type, cost_centre, ean)
     select 'u' || i, 'a' || (1 + i % 10), 'Enhed ' || i, case when i % 2 = 0 then 'school' else 'daycare' end, 'cc' || (100000 + i), '5798000000000'
       from generate_series(1, $1::int) i`,
    [UNITS],
  )
  await db.query(`insert into person (id, email, name) values ('p-eco', 'oekonomi@bench.dk', 'Økonomi Bench')`)
  await db.query(`insert into role_assignment (id, person_id, role) values ('r-eco', 'p-eco', 'economics')`)
}

const held = () => {
  const m = process.memoryUsage()
  return m.heapUsed + m.external
}

/**
 * The database as the import sees it, taking a memory sample at every statement: PGlite answers
 * within the same turn of the event loop, so a timer would never fire while the import runs.
 */
function sampled(db: Db, sample: () => void): Db {
  return {
    ...db,
    query: (sql, params) => {
      sample()
      return db.query(sql, params)
    },
    transaction: (fn) => db.transaction((tx) => fn(sampled(tx, sample))),
  }
}

/** Runs `work` on the sampled database: the peak it held above what was held before, and the peak resident size. */
async function withMemory<T>(db: Db, work: (db: Db) => Promise<T>): Promise<{ value: T; ms: number; peakMb: number; growthMb: number }> {
  // Run with --expose-gc: what is garbage before the import is not counted against it.
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = held()
  let peak = before
  let rss = process.memoryUsage().rss
  const sample = () => {
    peak = Math.max(peak, held())
    rss = Math.max(rss, process.memoryUsage().rss)
  }
  const t0 = performance.now()
  const value = await work(sampled(db, sample))
  const ms = performance.now() - t0
  sample()
  return { value, ms, peakMb: rss / 1024 / 1024, growthMb: (peak - before) / 1024 / 1024 }
}

async function main(path: string): Promise<void> {
  const db = await openDb({ dataDir: 'memory://' })
  await migrate(db)
  await municipality(db)
  const file = readFileSync(path)
  const request = { kind: 'figures' as const, fileName: 'bench.csv', content: file.toString('base64'), excludeAccounts: ['9'] }
  const first = await withMemory(db, (on) => commitImport({ db: on, today: TODAY, personId: 'p-eco' }, request))
  const again = await withMemory(db, (on) => commitImport({ db: on, today: TODAY, personId: 'p-eco' }, request))
  if (!first.value.ok || !again.value.ok) throw new Error(`refused: ${JSON.stringify(first.value.ok ? again.value : first.value).slice(0, 500)}`)
  const lines = file.toString('latin1').split('\r\n').length - 1
  console.log(
    JSON.stringify({
      lines,
      bytes: file.length,
      firstMs: first.ms,
      againMs: again.ms,
      written: first.value.result.counts.new + first.value.result.counts.changed,
      rewritten: again.value.result.counts.new + again.value.result.counts.changed,
      // The most either run held above its start: the first run's samples can fall below a start swollen by the setup.
      growthMb: Math.max(first.growthMb, again.growthMb),
      peakMb: Math.max(first.peakMb, again.peakMb),
    }),
  )
  await db.close()
}

void main(process.argv[2]!)
