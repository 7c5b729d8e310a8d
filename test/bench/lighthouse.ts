// Lighthouse 12, mobile preset (its default form factor and simulated throttling), on the sign-in
// page and on a signed-in leader's home; performance, accessibility and best practices; median of
// 3 runs each, one at a time (the machine has 2 cores). Budgets: ≥ 95, 100, 100.
import { mkdirSync, writeFileSync } from 'node:fs'
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { CHROMIUM_PATH, DEMO_LEADER } from '../helpers/browser'
import { loginCookie, type ServerProcess } from '../helpers/server-process'
import { figure, median, type Figure } from './report'

const RUNS = 3
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Category = (typeof CATEGORIES)[number]
const BUDGET: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100 }
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

/** What a failed table audit found (console errors, CSP issues …), briefly. */
function explain(details: unknown): string {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []
  const found = items.slice(0, 3).map((item) => {
    const where = (item.sourceLocation as { url?: string } | undefined)?.url ?? item.url
    const what = item.description ?? item.issueType ?? ''
    return `${String(what)}${typeof where === 'string' && where ? ` @ ${URL.canParse(where) ? new URL(where).pathname : where}` : ''}`.trim()
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
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: (process.env.LH_LOG as 'info' | undefined) ?? 'error', onlyCategories: [...CATEGORIES], extraHeaders })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    if (DUMP_DIR) {
      mkdirSync(DUMP_DIR, { recursive: true })
      const page = new URL(url).pathname === '/logind' ? 'sign-in' : 'home'
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

async function pageFigures(label: string, url: string, extraHeaders?: Record<string, string>): Promise<Figure[]> {
  const runs: LighthouseRun[] = []
  let retries = 0
  while (runs.length < RUNS) {
    try {
      runs.push(await lighthouseRun(url, extraHeaders))
    } catch (error) {
      if (retries >= 3 || !(error instanceof Error) || !RETRYABLE.test(error.message)) throw error
      retries++
    }
  }
  return CATEGORIES.map((id) => {
    const values = runs.map((r) => r.scores[id])
    const failing = [...new Set(runs.flatMap((r) => r.failing[id]))]
    const notes = [`runs ${values.join(', ')}`]
    if (id === 'performance') {
      const shown = (Object.keys(METRICS) as Metric[]).map((m) => {
        const v = median(runs.map((r) => r.metrics[m]))
        return m === 'CLS' ? `${m} ${v.toFixed(3)}` : `${m} ${Math.round(v)} ms`
      })
      notes.push(`median ${shown.join(', ')}`)
    }
    if (failing.length) notes.push(`below full score: ${failing.join(', ')}`)
    if (retries && id === 'performance') notes.push(`${retries} run(s) retried after a Lighthouse trace error`)
    return figure(`Lighthouse ${label}: ${id}`, median(values), '', '>=', BUDGET[id], notes.join('; '))
  })
}

export async function benchLighthouse(server: ServerProcess): Promise<Figure[]> {
  const signIn = await pageFigures('sign-in', `${server.url}/logind`)
  const cookie = await loginCookie(server.url, DEMO_LEADER)
  const home = await pageFigures('home', `${server.url}/`, { Cookie: cookie })
  return [...signIn, ...home]
}
