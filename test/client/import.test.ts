// The economics team's import screens, reached through the app's routes with the real session store
// on a fresh device, against a scripted server that answers the import's endpoints as the contract
// (src/core/http/imports.ts) says and keeps every request it was sent.
import 'fake-indexeddb/auto'
import { randomBytes } from 'node:crypto'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { getActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ImportLogEntry, ImportPreview, ImportProgress, ImportRequest, Me } from '../../src/client/api/types'
import { ApiError } from '../../src/client/api/http'
import { importRefusalOf } from '../../src/client/api/imports'
import AppHeader from '../../src/client/features/frame/AppHeader.vue'
import { bytesToBase64 } from '../../src/client/features/import/base64'
import { encodingName, formatLabel } from '../../src/client/features/import/importTexts'
import { i18n } from '../../src/client/i18n'
import { routes } from '../../src/client/router'
import { requestUrl } from '../helpers/requestUrl'
import { plain } from './fixtures'
import { eachTestOnAFreshDevice, signIn } from './realRecords'
import { leaderMe, ocMe, routedApp } from './routed'
import { json } from './syncFakeServer'

function economicsMe(): Me {
  return { person: { id: 'p-eco', name: 'Anne Andersen', email: 'oekonomi@x.dk' }, roles: [{ role: 'economics' }], units: [], areas: [] }
}

const HEADERS = ['Omk.sted', 'Periode', 'Korr. budget', 'Forbrug i alt', 'Art']
const RECOGNISED = { 'Omk.sted': 'costCentre', Periode: 'period', 'Korr. budget': 'budget', 'Forbrug i alt': null, Art: 'account' }

/** The preview the server gives for a request: what the contract's fields say, with `over` on top. */
function previewFor(request: ImportRequest, over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    kind: request.kind,
    fileName: request.fileName,
    sha256: 'ab'.repeat(32),
    format: 'csv',
    encoding: 'windows-1252',
    delimiter: ';',
    sheets: [],
    sheet: null,
    headers: HEADERS,
    mapping: request.mapping ?? RECOGNISED,
    mappingSource: request.mapping ? 'given' : 'recognised',
    missing: [],
    scale: request.scale ?? 1,
    excludeAccounts: request.excludeAccounts ?? [],
    lines: 72_000,
    leftOut: 12,
    rows: [
      {
        unitName: 'Skovbo Skole',
        costCentre: '10100',
        label: '2026-10',
        values: { budget: 1_234_567.8, carryOver: 0, spendToDate: 987_654, profileShare: 1 / 12 },
        sourceLines: 3,
        change: 'new',
      },
      {
        unitName: 'Bakkeskolen',
        costCentre: '10200',
        label: '2026-10',
        values: { budget: 2_000_000, carryOver: null, spendToDate: 1_500_000, profileShare: null },
        sourceLines: 1,
        change: 'changed',
      },
    ],
    rowTotal: 24_000,
    counts: { new: 12, changed: 3, unchanged: 40, removed: 0 },
    lightChanges: [{ unitId: 'u1', unitName: 'Skovbo Skole', indicator: 'budget', from: 'yellow', to: 'red' }],
    periodMove: null,
    errors: [],
    errorCount: 0,
    ...over,
  }
}

interface Seen {
  method: string
  path: string
  body: unknown
}

/** What the scripted server answers; each may be changed by a test. */
let server: {
  preview: (request: ImportRequest) => Response | Promise<Response>
  commit: (request: ImportRequest) => Response | Promise<Response>
  history: () => Response
  progress: (progressId: string) => Response
}
const seen: Seen[] = []
const progressIds: unknown[] = []
const offline = (): never => {
  throw new TypeError('Failed to fetch')
}

// Async, so that an answer that throws (no network) rejects as fetch does.
const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
  const path = new URL(requestUrl(input), 'http://localhost').pathname
  const method = init?.method ?? 'GET'
  const sent: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null
  // Each request names its progress by an id of its own; the rest is what the person chose.
  const { progressId, ...body } = (sent ?? {}) as Record<string, unknown>
  if (sent !== null) progressIds.push(progressId)
  seen.push({ method, path, body: sent === null ? null : body })
  if (path.startsWith('/api/imports/progress/') && method === 'GET') return server.progress(path.split('/').pop()!)
  if (path === '/api/imports/preview' && method === 'POST') return server.preview(body as ImportRequest)
  if (path === '/api/imports' && method === 'POST') return server.commit(body as ImportRequest)
  if (path === '/api/imports' && method === 'GET') return server.history()
  return json({ error: 'not_found', message: 'Siden findes ikke.' }, 404)
})

eachTestOnAFreshDevice(economicsMe)
beforeEach(() => {
  seen.length = 0
  progressIds.length = 0
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
  server = {
    preview: (request) => json(previewFor(request)),
    commit: () => json({ importId: 'imp-1', counts: { new: 12, changed: 3, unchanged: 40, removed: 0 }, lightChanges: [] }),
    history: () => json({ imports: [] }),
    progress: () => json({ error: 'not_found', message: 'Ingen import med det id er i gang.' }, 404),
  }
})

type PreviewRow = ImportPreview['rows'][number]
/** A preview row of Skovbo Skole's. */
const skovbo = (label: string, values: PreviewRow['values'], change: PreviewRow['change'], sourceLines = 1): PreviewRow => ({
  unitName: 'Skovbo Skole',
  costCentre: '10100',
  label,
  values,
  sourceLines,
  change,
})
/** The server previews every request as a file of these headers, mapped so, and these rows. */
function previewsAs(mapping: Record<string, string>, rows: PreviewRow[], counts: ImportPreview['counts']): void {
  server.preview = (request) =>
    json(previewFor(request, { headers: Object.keys(mapping), mapping, scale: 1, rows, rowTotal: rows.length, counts, lightChanges: [] }))
}

async function open(path: string): Promise<VueWrapper> {
  return (await routedApp(path)).wrapper
}

const FILE_BYTES = new TextEncoder().encode('Omk.sted;Periode;Korr. budget;Forbrug i alt;Art\n10100;2026-10;1.234.567,80;987.654,00;22\n')

/** The person chooses a file in the file input (as the browser hands it over); its preview is asked for. */
async function chooseFileStarted(w: VueWrapper, name = 'budget.csv'): Promise<void> {
  const input = w.get<HTMLInputElement>('[data-testid="import-file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([FILE_BYTES], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => expect(seen.some((r) => r.path === '/api/imports/preview')).toBe(true))
}

/** The person chooses a file, and its preview (or a refusal) is on screen. */
async function chooseFile(w: VueWrapper, name = 'budget.csv'): Promise<void> {
  await chooseFileStarted(w, name)
  await vi.waitFor(() => expect(w.find('[data-testid="import-preview"]').exists() || w.find('[role="alert"]').exists()).toBe(true))
  await flushPromises()
}

/** The import screen with the file chosen and its spend column mapped by hand. */
async function openWithSpendMapped(): Promise<VueWrapper> {
  const w = await open('/import')
  await chooseFile(w)
  await w.get('select[data-header="Forbrug i alt"]').setValue('spendToDate')
  await flushPromises()
  return w
}

const previews = () => seen.filter((s) => s.path === '/api/imports/preview').map((s) => s.body as ImportRequest)
const commits = () => seen.filter((s) => s.path === '/api/imports' && s.method === 'POST').map((s) => s.body as ImportRequest)
const text = (w: VueWrapper, testId: string) => plain(w.get(`[data-testid="${testId}"]`).text())
/** The preview table's column headers, and a row's cells, as the person reads them. */
const previewHeaders = (w: VueWrapper) => w.findAll('[data-testid="preview-rows"] thead th').map((c) => plain(c.text()))
const previewCells = (w: VueWrapper, row: number) =>
  w
    .findAll('[data-testid="preview-rows"] tbody tr')
    [row]!.findAll('th, td')
    .map((c) => plain(c.text()))
/** The file facts as "term: description". */
const facts = (w: VueWrapper) => w.findAll('[data-testid="file-facts"] div').map((d) => `${d.get('dt').text()}: ${d.get('dd').text()}`)

describe('choosing a file', () => {
  it('previews it at once: the kind, the file name and its bytes in base64, and nothing the person has not chosen', async () => {
    const w = await open('/import')
    await chooseFile(w)
    expect(previews()).toEqual([{ kind: 'figures', fileName: 'budget.csv', content: Buffer.from(FILE_BYTES).toString('base64') }])
    expect(text(w, 'chosen-file')).toBe('Valgt fil: budget.csv')
    w.unmount()
  })

  it('shows what the server read, the mapping and where it came from, the counts, the rows in Danish formats and the lights that change', async () => {
    const w = await open('/import')
    await chooseFile(w)
    expect(facts(w)).toEqual(['Format: CSV (tekst)', 'Tegnsæt: Windows-1252', 'Skilletegn: semikolon'])
    expect(text(w, 'mapping-source')).toBe('Genkendt ud fra overskrifterne')
    expect(w.get<HTMLSelectElement>('select[data-header="Korr. budget"]').element.value).toBe('budget')
    expect(w.get<HTMLSelectElement>('select[data-header="Forbrug i alt"]').element.value).toBe('')
    expect(text(w, 'preview-counts')).toBe('12 nye, 3 ændrede, 40 uændrede, 0 fjernede')
    expect(text(w, 'preview-lines')).toBe('72.000 linjer læst, heraf udeladt efter konto: 12')
    expect(text(w, 'rows-shown')).toBe('Viser 2 af 24.000 rækker')
    expect(previewHeaders(w)).toEqual([
      'Enhed',
      'Omkostningssted',
      'Måned',
      'Korrigeret budget',
      'Overførsel',
      'Forbrug år til dato',
      'Budgetprofil',
      'Fra filen',
      'Ændring',
    ])
    expect(previewCells(w, 0)).toEqual(['Skovbo Skole', '10100', 'oktober 2026', '1.234.568', '0', '987.654', '8,3 %', '3 linjer', 'Ny'])
    expect(previewCells(w, 1)).toEqual(['Bakkeskolen', '10200', 'oktober 2026', '2.000.000', '–', '1.500.000', '–', '1 linje', 'Ændret'])
    expect(text(w, 'light-changes')).toBe('Skovbo Skole: Budgetoverholdelse går fra gul til rød')
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('a workbook of several sheets offers them, and another sheet previews again with it (and the mapping left to the server)', async () => {
    server.preview = (request) =>
      json(previewFor(request, { format: 'xlsx', encoding: null, delimiter: null, sheets: ['Drift', 'Anlæg'], sheet: request.sheet ?? 'Drift' }))
    const w = await open('/import')
    await chooseFile(w, 'budget.xlsx')
    expect(facts(w)).toEqual(['Format: Excel (XLSX)'])
    await w.get('[data-testid="import-sheet"]').setValue('Anlæg')
    await flushPromises()
    expect(previews()[1]).toMatchObject({ sheet: 'Anlæg' })
    expect(previews()[1]).not.toHaveProperty('mapping')
    w.unmount()
  })
})

describe('changing how the file is read', () => {
  it('mapping a header by hand previews again with the whole mapping; the field leaves the header that held it', async () => {
    const w = await openWithSpendMapped()
    expect(previews()[1]!.mapping).toEqual({ ...RECOGNISED, 'Forbrug i alt': 'spendToDate' })
    expect(text(w, 'mapping-source')).toBe('Din tilknytning')

    await w.get('select[data-header="Art"]').setValue('budget')
    await flushPromises()
    expect(previews()[2]!.mapping).toEqual({ ...RECOGNISED, 'Forbrug i alt': 'spendToDate', 'Korr. budget': null, Art: 'budget' })
    w.unmount()
  })

  it.each([
    ['the amount unit', '[data-testid="import-scale"]', '1000', { scale: 1_000 }],
    ['the accounts to leave out', '[data-testid="import-exclude"]', ' 0, 9 ,, ', { excludeAccounts: ['0', '9'] }],
  ])('%s previews again with it', async (_name, selector, value, expected) => {
    const w = await open('/import')
    await chooseFile(w)
    await w.get(selector).setValue(value)
    await flushPromises()
    expect(previews()).toHaveLength(2)
    expect(previews()[1]).toEqual({ ...previews()[0], ...expected })
    w.unmount()
  })

  it('offers what the import writes: the organisation, the monthly figures, the balance accounts, the action plans and ready-made indicator values', async () => {
    const w = await open('/import')
    expect(
      w
        .get('[data-testid="import-kind"]')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['Organisation', 'Økonomi pr. måned', 'Statuskonti', 'Handleplan', 'Færdige nøgletal'])
    w.unmount()
  })

  it('a balance accounts file previews as accounts: number, name, due date and reconciliation, and those to be removed', async () => {
    previewsAs(
      { 'Omk.sted': 'costCentre', Kontonr: 'accountNumber', Kontotekst: 'accountName', Frist: 'dueDate', Afstemt: 'reconciledOn' },
      [
        skovbo('9100', { accountName: 'Mellemregning', dueDate: '2026-09-30', reconciledOn: '2026-09-28' }, 'new'),
        skovbo('9200', { accountName: 'Kasse', dueDate: '2026-10-31', reconciledOn: null }, 'removed', 0),
      ],
      { new: 1, changed: 0, unchanged: 0, removed: 1 },
    )
    const w = await open('/import')
    await w.get('[data-testid="import-kind"]').setValue('balance')
    await chooseFile(w, 'statuskonti.csv')
    expect(previews().at(-1)).toMatchObject({ kind: 'balance' })
    expect(w.find('[data-testid="import-scale"]').exists()).toBe(false)
    expect(w.find('[data-testid="import-exclude"]').exists()).toBe(false)
    expect(previewHeaders(w)).toEqual(['Enhed', 'Omkostningssted', 'Konto', 'Kontonavn', 'Frist', 'Afstemt dato', 'Fra filen', 'Ændring'])
    expect(previewCells(w, 0)).toEqual(['Skovbo Skole', '10100', '9100', 'Mellemregning', '30. sep. 2026', '28. sep. 2026', '1 linje', 'Ny'])
    expect(previewCells(w, 1)).toEqual(['Skovbo Skole', '10100', '9200', 'Kasse', '31. okt. 2026', '–', '0 linjer', 'Fjernes'])
    w.unmount()
  })

  it('an action plan file previews as actions: title, due date, status in words, done date and reason', async () => {
    previewsAs(
      { 'Omk.sted': 'costCentre', Aktivitet: 'title', Deadline: 'dueDate', Status: 'status', Udført: 'doneOn', Begrundelse: 'dropReason' },
      [
        skovbo('Ny vagtplan', { dueDate: '2026-03-31', status: 'done', doneOn: '2026-03-28', dropReason: null }, 'changed'),
        skovbo('Nyt IT-system', { dueDate: '2026-09-30', status: 'dropped', doneOn: null, dropReason: 'Indkøbes centralt' }, 'unchanged'),
      ],
      { new: 0, changed: 1, unchanged: 1, removed: 0 },
    )
    const w = await open('/import')
    await w.get('[data-testid="import-kind"]').setValue('actionPlan')
    await chooseFile(w, 'handleplan.csv')
    expect(previews().at(-1)).toMatchObject({ kind: 'actionPlan' })
    expect(previewHeaders(w)).toEqual(['Enhed', 'Omkostningssted', 'Handling', 'Frist', 'Status', 'Udført dato', 'Begrundelse', 'Fra filen', 'Ændring'])
    expect(previewCells(w, 0)).toEqual(['Skovbo Skole', '10100', 'Ny vagtplan', '31. mar. 2026', 'Gennemført', '28. mar. 2026', '–', '1 linje', 'Ændret'])
    expect(previewCells(w, 1)).toEqual(['Skovbo Skole', '10100', 'Nyt IT-system', '30. sep. 2026', 'Droppet', '–', 'Indkøbes centralt', '1 linje', 'Uændret'])
    w.unmount()
  })

  it('while a preview runs it says so, busy; only the latest answer counts, an earlier one arriving late is dropped', async () => {
    const w = await open('/import')
    await chooseFile(w)
    const held: Array<(counts: ImportPreview['counts']) => void> = []
    server.preview = (request) => new Promise<Response>((resolve) => held.push((counts) => resolve(json(previewFor(request, { counts })))))
    await w.get('select[data-header="Forbrug i alt"]').setValue('spendToDate')
    await w.get('select[data-header="Art"]').setValue('')
    await vi.waitFor(() => expect(held).toHaveLength(2))
    expect(text(w, 'import-progress')).toBe('Læser og kontrollerer filen …')
    expect(w.get('.import-view').attributes('aria-busy')).toBe('true')
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeDefined()

    held[1]!({ new: 7, changed: 0, unchanged: 0, removed: 0 })
    await flushPromises()
    held[0]!({ new: 99, changed: 0, unchanged: 0, removed: 0 })
    await flushPromises()
    expect(text(w, 'preview-counts')).toBe('7 nye, 0 ændrede, 0 uændrede, 0 fjernede')
    expect(w.get<HTMLSelectElement>('select[data-header="Art"]').element.value).toBe('')
    expect(w.get('.import-view').attributes('aria-busy')).toBeUndefined()
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })
})

describe('a file that moves the month everyone is judged at', () => {
  it('says which month it becomes and how many units show grey until their figures come', async () => {
    server.preview = (request) =>
      json(previewFor(request, { periodMove: { from: { year: 2026, month: 10 }, to: { year: 2026, month: 11 }, unitsWithout: 38 } }))
    const w = await open('/import')
    await chooseFile(w)
    expect(text(w, 'period-move')).toBe(
      'Importen gør november 2026 til den måned, alle enheder vurderes for. 38 enheder har ingen tal for november 2026 og vises grå, til tallene kommer.',
    )
    w.unmount()
  })

  it('says nothing when every unit has figures for it', async () => {
    server.preview = (request) => json(previewFor(request, { periodMove: { from: { year: 2026, month: 10 }, to: { year: 2026, month: 11 }, unitsWithout: 0 } }))
    const w = await open('/import')
    await chooseFile(w)
    expect(w.find('[data-testid="period-move"]').exists()).toBe(false)
    w.unmount()
  })
})

describe('the progress of a large file', () => {
  it('says which step of three the server is at while it works, by the request’s own progress id, and stops asking once answered', async () => {
    const w = await open('/import')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      let answer!: () => void
      let stage: ImportProgress = { stage: 'read', lines: null }
      server.preview = (request) => new Promise<Response>((resolve) => (answer = () => resolve(json(previewFor(request)))))
      server.progress = () => json(stage)
      await chooseFileStarted(w)
      expect(text(w, 'import-progress')).toBe('Læser og kontrollerer filen …')
      expect(w.find('progress').exists()).toBe(false)

      stage = { stage: 'check', lines: 100_000 }
      await vi.advanceTimersByTimeAsync(400)
      await flushPromises()
      expect(text(w, 'import-progress')).toBe('Trin 2 af 3: Kontrollerer 100.000 linjer …')
      expect(w.get('progress').attributes()).toMatchObject({ max: '3', value: '2' })
      const polled = seen.filter((r) => r.path.startsWith('/api/imports/progress/'))
      expect(polled.map((r) => r.path)).toEqual([`/api/imports/progress/${String(progressIds.at(-1))}`])
      expect(progressIds.at(-1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

      stage = { stage: 'judge', lines: 100_000 }
      await vi.advanceTimersByTimeAsync(500)
      await flushPromises()
      expect(text(w, 'import-progress')).toBe('Trin 3 af 3: Finder de lys, der skifter farve …')

      answer()
      await flushPromises()
      expect(text(w, 'import-progress')).toBe('')
      expect(w.find('progress').exists()).toBe(false)
      const asked = seen.filter((r) => r.path.startsWith('/api/imports/progress/')).length
      await vi.advanceTimersByTimeAsync(2_000)
      expect(seen.filter((r) => r.path.startsWith('/api/imports/progress/'))).toHaveLength(asked)
    } finally {
      vi.useRealTimers()
      w.unmount()
    }
  })
})

describe('a file that cannot be imported as it is', () => {
  it('a required field without a column is said plainly, with no counts and no import button', async () => {
    server.preview = (request) => json(previewFor(request, { missing: ['spendToDate', 'period'] }))
    const w = await open('/import')
    await chooseFile(w)
    expect(text(w, 'missing-fields')).toBe('Vælg en kolonne til: Forbrug år til dato, Periode')
    // No counts of a comparison that could not be made ("0 nye, 0 ændrede …").
    expect(w.find('[data-testid="preview-counts"]').exists()).toBe(false)
    expect(text(w, 'preview-incomplete')).toBe('Når hvert påkrævet felt har en kolonne, ser du her, hvad importen vil skrive.')
    expect(w.find('[data-testid="import-commit"]').exists()).toBe(false)
    expect(w.find('[data-testid="import-blocked"]').exists()).toBe(true)
    w.unmount()
  })

  it('its errors are listed in an alert with how many there are in all, and there is no import button', async () => {
    const errors = [
      { line: 14, column: 'Forbrug i alt', value: '12,3,4', message: "Linje 14, kolonne Forbrug i alt: '12,3,4' er ikke et beløb" },
      { line: 20, column: 'Omk.sted', value: '99999', message: 'Linje 20, kolonne Omk.sted: omkostningssted 99999 findes ikke' },
    ]
    server.preview = (request) => json(previewFor(request, { errors, errorCount: 1_234 }))
    const w = await open('/import')
    await chooseFile(w)
    const alert = w.get('[data-testid="import-errors"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.findAll('li').map((li) => li.text())).toEqual(errors.map((e) => e.message))
    expect(text(w, 'errors-shown')).toBe('Viser de første 2 af 1.234 fejl')
    expect(w.find('[data-testid="import-commit"]').exists()).toBe(false)
    w.unmount()
  })
})

describe('importing', () => {
  it('sends the request the preview on screen answers, and says what was imported with a link to the history', async () => {
    let release!: () => void
    server.commit = () =>
      new Promise<Response>(
        (resolve) =>
          (release = () =>
            resolve(
              json({ importId: 'imp-1', counts: { new: 12, changed: 3, unchanged: 40, removed: 0 }, lightChanges: previewFor(previews()[0]!).lightChanges }),
            )),
      )
    const w = await openWithSpendMapped()
    await w.get('[data-testid="import-commit"]').trigger('click')
    expect(text(w, 'import-status')).toBe('Importerer …')
    expect(w.get('.import-view').attributes('aria-busy')).toBe('true')
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="import-file"]').attributes('disabled')).toBeDefined()
    release()
    await flushPromises()
    expect(commits()).toEqual([previews()[1]])
    expect(text(w, 'import-done')).toBe('Importeret: 12 nye, 3 ændrede, 40 uændrede, 0 fjernede.')
    expect(w.get('[data-testid="import-status"] a').attributes('href')).toBe('/import/historik')
    expect(w.find('[data-testid="import-commit"]').exists()).toBe(false)
    // The changed units' figures come to this device by the sync, asked for at once.
    await vi.waitFor(() => expect(seen.map((s) => s.path)).toContain('/api/sync/pull'))
    w.unmount()
  })

  it('a file the server refuses (422) shows its errors, and keeps the file and the mapping', async () => {
    server.commit = () =>
      json(
        {
          error: 'invalid_file',
          message: 'Filen blev afvist.',
          errors: [{ line: 3, column: 'Periode', value: '2026-13', message: "Linje 3, kolonne Periode: '2026-13' er ikke en måned" }],
          errorCount: 1,
        },
        422,
      )
    const w = await openWithSpendMapped()
    await w.get('[data-testid="import-commit"]').trigger('click')
    await flushPromises()
    const alert = w.get('[data-testid="import-errors"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.findAll('li').map((li) => li.text())).toEqual(["Linje 3, kolonne Periode: '2026-13' er ikke en måned"])
    expect(text(w, 'chosen-file')).toBe('Valgt fil: budget.csv')
    expect(w.get<HTMLSelectElement>('select[data-header="Forbrug i alt"]').element.value).toBe('spendToDate')
    w.unmount()
  })

  it.each([
    ['no connection', offline, 'Der er ingen forbindelse til serveren. Filen og dine valg er bevaret.'],
    [
      'a server error',
      () => json({ error: 'internal', message: 'Der skete en fejl på serveren.' }, 500),
      'Der skete en fejl på serveren. Filen og dine valg er bevaret.',
    ],
  ])('%s: a clear Danish message, nothing lost, and "Prøv igen" imports the same request', async (_name, failing, message) => {
    server.commit = failing
    const w = await open('/import')
    await chooseFile(w)
    await w.get('[data-testid="import-commit"]').trigger('click')
    await flushPromises()
    expect(plain(w.get('[data-testid="import-failure"] p').text())).toBe(message)
    expect(text(w, 'chosen-file')).toBe('Valgt fil: budget.csv')
    expect(w.find('[data-testid="import-preview"]').exists()).toBe(true)

    server.commit = () => json({ importId: 'imp-1', counts: { new: 12, changed: 3, unchanged: 40, removed: 0 }, lightChanges: [] })
    await w.get('[data-testid="import-failure"] button').trigger('click')
    await flushPromises()
    expect(commits()).toEqual([previews()[0], previews()[0]])
    expect(text(w, 'import-done')).toBe('Importeret: 12 nye, 3 ændrede, 40 uændrede, 0 fjernede.')
    w.unmount()
  })

  it('a preview that fails keeps the choice, offers no import of the earlier preview, and "Prøv igen" previews again', async () => {
    const w = await open('/import')
    await chooseFile(w)
    server.preview = offline
    await w.get('select[data-header="Forbrug i alt"]').setValue('spendToDate')
    await flushPromises()
    expect(text(w, 'import-failure')).toContain('Der er ingen forbindelse til serveren.')
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeDefined()
    server.preview = (request) => json(previewFor(request))
    await w.get('[data-testid="import-failure"] button').trigger('click')
    await flushPromises()
    expect(previews()[2]!.mapping).toEqual({ ...RECOGNISED, 'Forbrug i alt': 'spendToDate' })
    expect(w.get('[data-testid="import-commit"]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })
})

describe('the history', () => {
  const imported: ImportLogEntry = {
    id: 'imp-2',
    at: '2026-11-14T08:05:00Z',
    personName: 'Anne Andersen',
    kind: 'figures',
    fileName: 'oktober.csv',
    sha256: '0123456789abcdef'.repeat(4),
    status: 'imported',
    counts: { new: 12, changed: 3, unchanged: 40, removed: 0 },
    errors: [],
    errorCount: 0,
  }
  const refused: ImportLogEntry = {
    ...imported,
    id: 'imp-1',
    fileName: 'prisme-rettet.xlsx',
    status: 'refused',
    counts: null,
    errors: [{ line: 7, column: 'Frist', value: '31-02-2026', message: "Linje 7, kolonne Frist: '31-02-2026' er ikke en dato" }],
    errorCount: 1,
  }

  it('lists each import with when, who, kind, file, shortened checksum, status and counts; a refused one’s errors fold out', async () => {
    server.history = () => json({ imports: [imported, refused] })
    const w = await open('/import/historik')
    const entries = w.findAll('[data-testid="history-entry"]')
    expect(entries).toHaveLength(2)
    const first = plain(entries[0]!.text())
    expect(first).toContain('Økonomi pr. måned')
    expect(first).toContain('Importeret')
    expect(first).toMatch(/14\. november 2026 kl\. \d{2}\.\d{2} af Anne Andersen/)
    expect(first).toContain('oktober.csv · SHA-256: 0123456789ab')
    expect(entries[0]!.get('[data-testid="sha"]').attributes('title')).toBe(imported.sha256)
    expect(text(w, 'entry-counts')).toBe('12 nye, 3 ændrede, 40 uændrede, 0 fjernede')

    const second = entries[1]!
    expect(plain(second.text())).toContain('Økonomi pr. måned')
    expect(plain(second.text())).toContain('Afvist')
    expect(plain(second.get('details summary').text())).toBe('Se fejlene (1)')
    expect(second.findAll('details li').map((li) => li.text())).toEqual(["Linje 7, kolonne Frist: '31-02-2026' er ikke en dato"])
    expect(second.find('[data-testid="entry-counts"]').exists()).toBe(false)
    w.unmount()
  })

  it('with nothing imported yet says so', async () => {
    const w = await open('/import/historik')
    expect(text(w, 'history-empty')).toBe('Der er ikke importeret noget endnu.')
    w.unmount()
  })

  it('says it is loading, then that the list could not be fetched, and tries again on request', async () => {
    let release!: () => void
    server.history = offline
    const w = await open('/import/historik')
    expect(plain(w.get('[data-testid="history-failed"] p').text())).toBe('Listen over importer kunne ikke hentes. Der er ingen forbindelse til serveren.')
    server.history = () => json({ imports: [refused] })
    const pending = new Promise<void>((resolve) => (release = resolve))
    fetchMock.mockImplementationOnce(async (input, init) => {
      await pending
      return fetchMock.getMockImplementation()!(input, init)
    })
    await w.get('[data-testid="history-failed"] button').trigger('click')
    expect(text(w, 'history-loading')).toBe('Henter …')
    release()
    await flushPromises()
    expect(w.findAll('[data-testid="history-entry"]')).toHaveLength(1)
    w.unmount()
  })
})

describe('who sees the import', () => {
  it.each([
    ['a leader', leaderMe],
    ['an area chief', ocMe],
  ])('%s meets the not-found page at both addresses, and the screens ask the server nothing', async (_name, me) => {
    signIn(me())
    for (const path of ['/import', '/import/historik']) {
      const w = await open(path)
      expect(text(w, 'not-found')).toBe('Siden findes ikke. Tilbage til overblikket')
      expect(w.find('[data-testid="import-file"]').exists()).toBe(false)
      w.unmount()
    }
    expect(seen.filter((s) => s.path.startsWith('/api/imports'))).toEqual([])
  })

  it.each([
    ['the economics team', true, economicsMe],
    ['a leader', false, leaderMe],
    ['an area chief', false, ocMe],
  ])('the header’s link to the import, for %s: %s', async (_name, shown, me) => {
    signIn(me())
    const router = createRouter({ history: createMemoryHistory(), routes })
    const w = mount(AppHeader, { global: { plugins: [getActivePinia()!, router, i18n] } })
    // The link is a chunk of its own (and brings the later texts): fetched for the economics team alone.
    if (shown) await vi.waitFor(() => expect(w.find('[data-testid="import-link"]').exists()).toBe(true))
    await flushPromises()
    expect(w.find('[data-testid="import-link"]').exists()).toBe(shown)
    if (shown) expect(w.get('[data-testid="import-link"]').attributes('href')).toBe('/import')
    w.unmount()
  })
})

describe('accessibility', () => {
  it('every control of the import screen has a label (axe: label, select-name, button-name, link-name)', async () => {
    server.preview = (request) => json(previewFor(request, { sheets: ['Drift', 'Anlæg'], sheet: 'Drift', missing: ['spendToDate'] }))
    const w = await open('/import')
    await chooseFile(w)
    const controls = w.findAll('input, select, button')
    expect(controls.length).toBeGreaterThan(HEADERS.length + 3)
    const result = await axe.run(document.body, {
      runOnly: { type: 'rule', values: ['label', 'select-name', 'button-name', 'link-name', 'aria-allowed-attr'] },
    })
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['label', 'select-name']))
    w.unmount()
  })
})

describe('the file as base64', () => {
  it('1 MB of random bytes encodes as Node does, without overflowing the call stack', () => {
    const bytes = new Uint8Array(randomBytes(1024 * 1024))
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })

  it.each([0, 1, 2, 3, 4, 3 * 8192 - 1, 3 * 8192, 3 * 8192 + 1, 3 * 8192 * 2 + 2])('%i bytes, across the chunk boundaries', (length) => {
    const bytes = new Uint8Array(randomBytes(length))
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})

describe('a refusal read from the answer', () => {
  it.each([
    [
      'a 422 invalid_file',
      new ApiError(422, 'invalid_file', 'Afvist.', [], { errors: [{ line: 1, column: 'A', value: 'x', message: 'M' }], errorCount: 5 }),
      1,
      5,
    ],
    [
      'malformed entries dropped, the count defaulting to the list',
      new ApiError(422, 'invalid_file', 'Afvist.', [], { errors: [{ line: 'x', message: 'M' }, { line: 2 }, null] }),
      1,
      1,
    ],
  ])('%s', (_name, error, listed, count) => {
    const refusal = importRefusalOf(error)
    expect(refusal?.errors).toHaveLength(listed)
    expect(refusal?.errors[0]).toEqual(expect.objectContaining({ message: 'M' }))
    expect(refusal?.errorCount).toBe(count)
  })

  it.each([
    ['a 400', new ApiError(400, 'invalid', 'Ugyldig.', [], { errors: [] })],
    ['another 422', new ApiError(422, 'unprocessable', 'Nej.', [], {})],
    ['no answer', new TypeError('Failed to fetch')],
  ])('%s is no refusal', (_name, error) => {
    expect(importRefusalOf(error)).toBeNull()
  })
})

describe('what the server read, as people say it', () => {
  it.each([
    ['windows-1252', 'Windows-1252'],
    ['utf-8', 'UTF-8'],
    ['utf-8-bom', 'UTF-8'],
    ['utf-16le', 'UTF-16'],
    ['iso-8859-1', 'iso-8859-1'],
    [null, null],
  ])('the encoding %s is %s', (encoding, name) => {
    expect(encodingName(encoding)).toBe(name)
  })

  it.each([
    ['2026-10', 'oktober 2026'],
    ['2026-1', '2026-1'],
    ['1234 Løn', '1234 Løn'],
  ])('a row labelled %s reads %s', (label, shown) => {
    expect(formatLabel(label, 'da')).toBe(shown)
  })
})
