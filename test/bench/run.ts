// `npm run bench`: the speed budgets of ARCHITECTURE.md, measured on the built app served by the
// real server (fresh embedded database, demo municipality). Builds dist/ when it is missing, and
// for Lighthouse the floor page beside it in a served copy (floor.ts).
// Prints figure vs budget and exits non-zero when a budget is missed or a figure could not be
// measured. `npm run bench -- --only bundle,offline` runs a subset (ids: see BENCHES).
import { AGENDA_BUDGET_MS, benchAgenda } from './agenda'
import { benchBundle, FIRST_SCREEN_JS_BUDGET_KIB } from './bundle'
import { buildWithFloor } from './floor'
import { benchImport, IMPORT_BUDGET_MS, IMPORT_MEMORY_BUDGET_MB, REIMPORT_BUDGET_MS } from './import'
import { benchLighthouse, FLOOR_RATIO_BUDGET } from './lighthouse'
import { benchOcHome, OC_FILTER_BUDGET_MS, OC_LIST_BUDGET_MS } from './ocHome'
import { benchOffline, OFFLINE_LIGHTS_BUDGET_MS } from './offline'
import { failed, formatTable, type Figure } from './report'
import { ensureDist } from '../helpers/dist'
import { startServer, type ServerProcess } from '../helpers/server-process'
import { benchSync } from './sync'

interface Bench {
  id: string
  /** Name and budget of the row printed when the bench throws. */
  label: string
  budget: string
  run(server: ServerProcess, dist: string): Promise<Figure[]>
}

const BENCHES: Bench[] = [
  { id: 'bundle', label: 'JS before first screen (gzip)', budget: `≤ ${FIRST_SCREEN_JS_BUDGET_KIB} KiB`, run: benchBundle },
  { id: 'offline', label: 'offline: lights after navigation', budget: `≤ ${OFFLINE_LIGHTS_BUDGET_MS} ms`, run: (server) => benchOffline(server) },
  {
    id: 'lighthouse',
    label: 'Lighthouse (mobile)',
    budget: `perf ≥ 95, a11y 100, BP 100; home ÷ floor TBT ≤ ${FLOOR_RATIO_BUDGET.TBT}×, LCP ≤ ${FLOOR_RATIO_BUDGET.LCP}×`,
    run: (server) => benchLighthouse(server),
  },
  {
    id: 'oc-home',
    label: 'OC home with 500 units: list, filter',
    budget: `≤ ${OC_LIST_BUDGET_MS} ms; ≤ ${OC_FILTER_BUDGET_MS} ms`,
    run: (_server, dist) => benchOcHome(dist),
  },
  { id: 'agenda', label: 'agenda of a unit with 3 years of dialogues', budget: `≤ ${AGENDA_BUDGET_MS} ms`, run: () => benchAgenda() },
  {
    id: 'import',
    label: 'import of 100,000 lines; again',
    budget: `≤ ${IMPORT_BUDGET_MS} ms, ≤ ${IMPORT_MEMORY_BUDGET_MB} MB; ≤ ${REIMPORT_BUDGET_MS} ms, 0 rows`,
    run: () => benchImport(),
  },
  { id: 'sync', label: 'sync: first pull + pull throughput', budget: '≤ 3000 ms; ≥ 1000 req/s, p99 ≤ 50 ms', run: (server) => benchSync(server) },
]

function selected(argv: string[]): Bench[] {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='))
  if (at < 0) return BENCHES
  const list = (argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1]) ?? ''
  const ids = list.split(',').map((s) => s.trim())
  const unknown = ids.filter((id) => !BENCHES.some((b) => b.id === id))
  if (unknown.length) throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.id).join(', ')})`)
  return BENCHES.filter((b) => ids.includes(b.id))
}

async function main(): Promise<number> {
  const benches = selected(process.argv.slice(2))
  const started = Date.now()
  const built = ensureDist()
  const served = benches.some((b) => b.id === 'lighthouse') ? buildWithFloor(built) : null
  const dist = served?.dir ?? built
  const server = await startServer({ staticDir: dist })
  const figures: Figure[] = []
  try {
    for (const bench of benches) {
      const t0 = Date.now()
      process.stdout.write(`${bench.id} … `)
      try {
        figures.push(...(await bench.run(server, dist)))
      } catch (error) {
        figures.push(failed(bench.label, bench.budget, error))
        // The benches share one server: when it is gone, say how it ended and what it said last.
        const ended = server.ended()
        if (ended) console.error(`The bench server ended (${ended}); its last output:\n${server.output().slice(-4_000)}`)
      }
      process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(0)} s\n`)
    }
  } finally {
    await server.stop()
    served?.remove()
  }
  console.log(`\n${formatTable(figures)}\n`)
  const missed = figures.filter((f) => !f.pass).length
  console.log(missed ? `${missed} budget(s) missed.` : 'All budgets met.', `(${((Date.now() - started) / 1000).toFixed(0)} s)`)
  return missed ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
