// An import, start to end: the file read and mapped (source.ts), every line checked, the rows
// compared with what is stored, then written in one transaction under the sync write lock — or,
// for a preview, written and judged in a transaction that is rolled back, so the preview's counts
// and changed lights are exactly what the import would do. A file with any error writes nothing.
import { randomUUID } from 'node:crypto'
import { MAX_LISTED_ERRORS, MAX_PREVIEW_ROWS, type ImportPreview as Preview, type ImportResult as Result, type LightChange } from '../../core/http/imports'
import type { ImportKind } from '../../core/import/fields'
import type { ImportIssue } from '../../core/import/rows'
import { comparePeriod } from '../../core/dates'
import { INDICATORS, type IsoDate, type Period } from '../../core/types'
import type { Db } from '../db/db'
import { theMunicipality } from '../repos/municipality'
import { latestPeriodOf } from '../repos/rules'
import { listUnits } from '../repos/units'
import { Judge } from '../services/judge'
import { lockForSyncWrite } from '../sync/lock'
import { planActionPlanImport } from './actionPlanImport'
import { planBalanceImport } from './balanceImport'
import { planFiguresImport } from './figuresImport'
import { planIndicatorValuesImport } from './indicatorValuesImport'
import { planOrganisationImport } from './organisationImport'
import { logImport } from './importLog'
import { rememberMapping } from './mappings'
import { readSource, type ImportRequest, type Source } from './source'
import type { ReportProgress } from './progress'
import { stampUnits } from './stamps'

export interface ImportContext {
  db: Db
  today: IsoDate
  personId: string
}

export type ImportOutcome = { ok: true; result: Result } | { ok: false; errors: ImportIssue[]; errorCount: number }

/** What a kind's rows would do, and how to write it (figuresImport.ts, …). */
export interface ImportPlan {
  rows: Preview['rows']
  counts: Preview['counts']
  lines: number
  leftOut: number
  issues: ImportIssue[]
  /** The units whose data the import changes. */
  changedUnits: Set<string>
  write(tx: Db, personId: string, importId: string): Promise<void>
}

/** Each kind the import writes (core/import/fields.ts, IMPORT_KINDS), and how it plans a file. */
const PLANNERS: Record<ImportKind, (db: Db, source: Source, today: IsoDate) => Promise<ImportPlan>> = {
  organisation: planOrganisationImport,
  figures: planFiguresImport,
  balance: planBalanceImport,
  actionPlan: planActionPlanImport,
  indicatorValues: planIndicatorValuesImport,
}

async function planOf(db: Db, req: ImportRequest, source: Source, today: IsoDate): Promise<ImportPlan | null> {
  if (source.issues.length > 0) return null
  return PLANNERS[req.kind](db, source, today)
}

async function lightsOf(tx: Db, today: IsoDate, unitIds: Set<string>) {
  return new Judge(tx, today).judge(await listUnits(tx, [...unitIds]))
}

type PeriodMove = Preview['periodMove']

/** The month everyone is judged at, for the one municipality; null before any figures. */
async function municipalityPeriod(tx: Db): Promise<Period | null> {
  const municipality = await theMunicipality(tx)
  return municipality ? latestPeriodOf(tx, municipality.id) : null
}

/** When the write moved that month on: to which, and how many units have no figures for it. */
async function periodMoveOf(tx: Db, before: Period | null): Promise<PeriodMove> {
  const after = await municipalityPeriod(tx)
  if (!after || (before && comparePeriod(after, before) <= 0)) return null
  const [row] = await tx.query<{ n: number }>(
    `select count(*)::int as n from unit u
      where not exists (select 1 from monthly_figure f where f.unit_id = u.id and f.year = $1 and f.month = $2)`,
    [after.year, after.month],
  )
  return { from: before, to: after, unitsWithout: Number(row?.n ?? 0) }
}

interface Applied {
  lightChanges: LightChange[]
  periodMove: PeriodMove
}

/** Writes the plan; the lights of its units before and after, as colours that changed, and a move of the month. */
async function apply(ctx: ImportContext, tx: Db, plan: ImportPlan, importId: string): Promise<Applied> {
  await lockForSyncWrite(tx)
  const [before, period] = await Promise.all([lightsOf(tx, ctx.today, plan.changedUnits), municipalityPeriod(tx)])
  await plan.write(tx, ctx.personId, importId)
  await stampUnits(tx, plan.changedUnits, importId, ctx.personId, new Date().toISOString())
  const after = new Map((await lightsOf(tx, ctx.today, plan.changedUnits)).map((j) => [j.unit.id, j]))
  const lightChanges = before.flatMap((b) =>
    INDICATORS.flatMap((indicator) => {
      // A light switched off is in neither list: it cannot change colour.
      const from = b.lights[indicator]?.colour
      const to = after.get(b.unit.id)?.lights[indicator]?.colour ?? from
      return !from || !to || from === to ? [] : [{ unitId: b.unit.id, unitName: b.unit.name, indicator, from, to }]
    }),
  )
  return { lightChanges, periodMove: await periodMoveOf(tx, period) }
}

class RolledBack extends Error {
  constructor(readonly applied: Applied) {
    super('preview rolled back')
  }
}

const issuesOf = (source: Source, plan: ImportPlan | null) => [...source.issues, ...(plan?.issues ?? [])]

/** Runs a preview or an import, saying each step to `report`, and done at the end whatever happens. */
async function reporting<T>(report: ReportProgress, run: () => Promise<T>): Promise<T> {
  report({ stage: 'read', lines: null })
  try {
    return await run()
  } finally {
    report({ stage: 'done', lines: null })
  }
}

/** Reads the file; the step after it is checking its lines. */
async function read(ctx: ImportContext, req: ImportRequest, report: ReportProgress): Promise<Source> {
  const source = await readSource(ctx.db, req)
  report({ stage: 'check', lines: source.table.rows.length })
  return source
}

export function previewImport(ctx: ImportContext, req: ImportRequest, report: ReportProgress = () => {}): Promise<Preview> {
  return reporting(report, () => preview(ctx, req, report))
}

async function preview(ctx: ImportContext, req: ImportRequest, report: ReportProgress): Promise<Preview> {
  const source = await read(ctx, req, report)
  const plan = await planOf(ctx.db, req, source, ctx.today)
  const issues = issuesOf(source, plan)
  let applied: Applied = { lightChanges: [], periodMove: null }
  if (plan && issues.length === 0 && plan.changedUnits.size > 0) {
    report({ stage: 'judge', lines: source.table.rows.length })
    try {
      await ctx.db.transaction(async (tx) => {
        throw new RolledBack(await apply(ctx, tx, plan, `preview-${randomUUID()}`))
      })
    } catch (err) {
      if (!(err instanceof RolledBack)) throw err
      applied = err.applied
    }
  }
  const t = source.table
  return {
    kind: req.kind,
    fileName: req.fileName,
    sha256: source.sha256,
    format: t.format,
    encoding: t.encoding,
    delimiter: t.delimiter,
    sheets: t.sheets,
    sheet: t.sheet,
    headers: t.headers,
    mapping: source.mapping,
    mappingSource: source.mappingSource,
    missing: source.missing,
    scale: source.scale,
    excludeAccounts: source.excludeAccounts,
    lines: plan?.lines ?? t.rows.length,
    leftOut: plan?.leftOut ?? 0,
    rows: (plan?.rows ?? []).slice(0, MAX_PREVIEW_ROWS),
    rowTotal: plan?.rows.length ?? 0,
    counts: plan?.counts ?? { new: 0, changed: 0, unchanged: 0, removed: 0 },
    ...applied,
    errors: issues.slice(0, MAX_LISTED_ERRORS),
    errorCount: issues.length,
  }
}

/**
 * Imports the file, all or nothing: checked and written in one transaction under the sync write
 * lock, so nothing changes between the comparison and the write. A refused file is logged with its
 * errors and writes nothing else.
 */
export function commitImport(ctx: ImportContext, req: ImportRequest, report: ReportProgress = () => {}): Promise<ImportOutcome> {
  return reporting(report, () => commit(ctx, req, report))
}

async function commit(ctx: ImportContext, req: ImportRequest, report: ReportProgress): Promise<ImportOutcome> {
  const source = await read(ctx, req, report)
  const importId = randomUUID()
  const log = { id: importId, personId: ctx.personId, kind: req.kind, fileName: req.fileName, sha256: source.sha256 }
  const outcome = await ctx.db.transaction(async (tx): Promise<ImportOutcome> => {
    await lockForSyncWrite(tx)
    const plan = await planOf(tx, req, source, ctx.today)
    const issues = issuesOf(source, plan)
    if (!plan || issues.length > 0) return { ok: false, errors: issues.slice(0, MAX_LISTED_ERRORS), errorCount: issues.length }
    report({ stage: 'write', lines: source.table.rows.length })
    const lightChanges = plan.changedUnits.size > 0 ? (await apply(ctx, tx, plan, importId)).lightChanges : []
    await logImport(tx, { ...log, status: 'imported', counts: plan.counts, errors: [], errorCount: 0 })
    await rememberMapping(
      tx,
      req.kind,
      source.signature,
      { mapping: source.mapping, scale: source.scale, excludeAccounts: source.excludeAccounts },
      ctx.personId,
    )
    return { ok: true, result: { importId, counts: plan.counts, lightChanges } }
  })
  if (!outcome.ok) await logImport(ctx.db, { ...log, status: 'refused', counts: null, errors: outcome.errors, errorCount: outcome.errorCount })
  return outcome
}
