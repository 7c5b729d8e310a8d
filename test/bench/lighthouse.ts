// Lighthouse 12, mobile preset (its default form factor and simulated throttling), on the sign-in
// page, on a signed-in leader's home and on the floor page (test/bench/floor: the same libraries
// showing the same four cards with nothing else); performance, accessibility and best practices;
// median of 3 runs each, one at a time (the machine has 2 cores). Budgets: ≥ 95, 100, 100, and the
// home against the floor measured in the same run, its runs interleaved with the home's so that the
// machine's noise falls on both alike: TBT ≤ 3× the floor's, LCP ≤ 1.2× the floor's.
import { mkdirSync, writeFileSync } from 'node:fs'
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { CHROMIUM_ARGS, CHROMIUM_PATH, DEMO_LEADER } from '../helpers/browser'
import { loginCookie, type ServerProcess } from '../helpers/server-process'
import { FLOOR_PATH } from './floor'
import { figure, median, type Figure } from './report'

const RUNS = 3
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = (typeof CATEGORIES)[number]
const BUDGET: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100 }
/** The home's median against the floor's median, same run. */
export const FLOOR_RATIO_BUDGET = { TBT: 3, LCP: 1.2 } as const
/** The e2e suite's Chromium flags; chrome-launcher starts it itself, so headless is a flag here. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS]

/** What a failed table audit found (console errors, CSP issues …), briefly. */
function explain(details: unknown): string {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []
  const found = items.slice(0, 3).map((item) => {
    const where = (item.sourceLocation as { url?: string } | undefined)?.url ?? item.url
    const what = item.description ?? item.issueType ?? ''
    return `${typeof what === 'string' ? what : JSON.stringify(what)}${typeof where === 'string' && where ? ` @ ${URL.canParse(where) ? new URL(where).pathname : where}` : ''}`.trim()
  })
  return found.length ? ` [${found.join(' | ')}]` : ''
}

export interface LighthouseRun {
  scores: Record<Category, number>
  /** Per category, the weighted audits below a full score, for the report. */
  failing: Record<Category, string[]>
  /** The metrics behind the performance score (ms, CLS unitless). */
  metrics: Record<Metric, number>
}

const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
} as const
type Metric = keyof typeof METRICS

// LH_DUMP=1 keeps every run's full report in /tmp/lh/<page>-<run>.json, to read the audits behind a
// score (long tasks, boot-up time, request chains …).
const DUMP_DIR = process.env.LH_DUMP ? '/tmp/lh' : undefined
let dumped = 0

export async function lighthouseRun(url: string, extraHeaders?: Record<string, string>): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: (process.env.LH_LOG as 'info' | undefined) ?? 'error',
      onlyCategories: [...CATEGORIES],
      extraHeaders,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    if (DUMP_DIR) {
      mkdirSync(DUMP_DIR, { recursive: true })
      const path = new URL(url).pathname
      const page = path === '/logind' ? 'sign-in' : path === FLOOR_PATH ? 'floor' : 'home'
      writeFileSync(`${DUMP_DIR}/${page}-${++dumped}.json`, JSON.stringify(lhr))
    }
    const scores = {} as Record<Category, number>
    const failing = {} as Record<Category, string[]>
    for (const id of CATEGORIES) {
      const category = lhr.categories[id]
      scores[id] = Math.round((category?.score ?? 0) * 100)
      failing[id] = (category?.auditRefs ?? []).flatMap((ref) => {
        const audit = lhr.audits[ref.id]
        if (ref.weight === 0 || !audit || audit.score === null || audit.score >= 1) return []
        return id === 'performance' ? [ref.id] : [`${ref.id}${explain(audit.details)}`]
      })
    }
    const metrics = {} as Record<Metric, number>
    for (const [key, auditId] of Object.entries(METRICS) as Array<[Metric, string]>) metrics[key] = lhr.audits[auditId]?.numericValue ?? Number.NaN
    return { scores, failing, metrics }
  } finally {
    chrome.kill()
  }
}

// Lighthouse 12 now and then fails to find the navigation in a trace of this newer Chromium
// (NO_NAVSTART); the same page measures fine on the next try. Such runs are retried (a few times at
// most) and the retries are reported.
const RETRYABLE = /NO_NAVSTART|NO_FCP|PROTOCOL_TIMEOUT/

interface Page {
  label: string
  url: string
  extraHeaders?: Record<string, string>
}

/** RUNS rounds of one run per page, in order, so pages measured together share the machine's state. */
async function measure(pages: Page[]): Promise<{ runs: LighthouseRun[][]; retries: number }> {
  const runs: LighthouseRun[][] = pages.map(() => [])
  let retries = 0
  for (let round = 0; round < RUNS; round++) {
    for (const [i, page] of pages.entries()) {
      for (;;) {
        try {
          runs[i]!.push(await lighthouseRun(page.url, page.extraHeaders))
          break
        } catch (error) {
          if (retries >= 3 || !(error instanceof Error) || !RETRYABLE.test(error.message)) throw error
          retries++
        }
      }
    }
  }
  return { runs, retries }
}

function metricsNote(runs: LighthouseRun[]): string {
  const shown = (Object.keys(METRICS) as Metric[]).map((m) => {
    const v = median(runs.map((r) => r.metrics[m]))
    return m === 'CLS' ? `${m} ${v.toFixed(3)}` : `${m} ${Math.round(v)} ms`
  })
  return `median ${shown.join(', ')}`
}

function pageFigures(label: string, runs: LighthouseRun[], retries: number): Figure[] {
  return CATEGORIES.map((id) => {
    const values = runs.map((r) => r.scores[id])
    const failing = [...new Set(runs.flatMap((r) => r.failing[id]))]
    const notes = [`runs ${values.join(', ')}`]
    if (id === 'performance') notes.push(metricsNote(runs))
    if (failing.length) notes.push(`below full score: ${failing.join(', ')}`)
    if (retries && id === 'performance') notes.push(`${retries} run(s) retried after a Lighthouse trace error`)
    return figure(`Lighthouse ${label}: ${id}`, median(values), '', '>=', BUDGET[id], notes.join('; '))
  })
}

/** The home's TBT and LCP as multiples of the floor's, from the medians of the same run. */
function floorRatios(home: LighthouseRun[], floor: LighthouseRun[]): Figure[] {
  const floorScores = floor.map((r) => r.scores.performance).join(', ')
  return (Object.keys(FLOOR_RATIO_BUDGET) as Array<keyof typeof FLOOR_RATIO_BUDGET>).map((m) => {
    const h = median(home.map((r) => r.metrics[m]))
    const f = median(floor.map((r) => r.metrics[m]))
    // A floor of 0 ms (no long task at all) allows nothing more than 0 ms.
    const ratio = f > 0 ? h / f : h > 0 ? Number.POSITIVE_INFINITY : 1
    const detail = `home ${Math.round(h)} ms, floor ${Math.round(f)} ms (floor: performance runs ${floorScores}; ${metricsNote(floor)})`
    return figure(`Lighthouse home ÷ floor: ${m}`, Math.round(ratio * 100) / 100, '×', '<=', FLOOR_RATIO_BUDGET[m], detail)
  })
}

export async function benchLighthouse(server: ServerProcess): Promise<Figure[]> {
  const signIn = await measure([{ label: 'sign-in', url: `${server.url}/logind` }])
  const cookie = await loginCookie(server.url, DEMO_LEADER)
  const headers = { Cookie: cookie }
  const {
    runs: [home, floor],
    retries,
  } = await measure([
    { label: 'home', url: `${server.url}/`, extraHeaders: headers },
    { label: 'floor', url: `${server.url}${FLOOR_PATH}`, extraHeaders: headers },
  ])
  return [...pageFigures('sign-in', signIn.runs[0]!, signIn.retries), ...pageFigures('home', home!, retries), ...floorRatios(home!, floor!)]
}
