// The rules over a record's history (src/core/history), enforced on push: this module loads what a
// rule needs — the forecast in force before, the year's budget and the interval, a dialogue's
// stored state and today — and asks core. Called inside the push transaction, after the sync write
// lock, so what it reads cannot change before the write.
import { periodOf } from '../../core/dates'
import { dialogueLockedMessage, isDialogueLocked, type LockableDialogue } from '../../core/history/dialogueLock'
import { budgetOfYear, forecastMoveRefusal, previousForecast } from '../../core/history/forecastMove'
import { defaultRuleSet, ruleSetForPeriod } from '../../core/rules'
import type { FieldRefusal } from '../../core/sync/kind'
import type { Mutation } from '../../core/sync/protocol'
import { fieldLabel } from '../../core/sync/tables'
import type { ForecastEntry, IsoDate, UnitType } from '../../core/types'
import type { Db } from '../db/db'
import { latestPeriodOf, ruleSetsOf } from '../repos/rules'

export interface HistoryInput {
  mutation: Pick<Mutation, 'table' | 'recordId' | 'scopeId' | 'op' | 'fields'>
  /** The record's stored fields while it is live (not deleted), else null. */
  live: Record<string, unknown> | null
  /** The mutation's fields after validation. */
  fields: Record<string, unknown>
  today: IsoDate
  /** Days after "Dialog afholdt" that a dialogue locks; default DIALOGUE_LOCK_DAYS. */
  lockDays?: number
}

/**
 * The refusal of a mutation that breaks a rule over the record's history, or null: the field it is
 * about (the form shows the message beside it) and the Danish message.
 */
export async function historyRefusal(tx: Db, input: HistoryInput): Promise<FieldRefusal | null> {
  switch (input.mutation.table) {
    case 'dialogue':
      return lockRefusal(input, input.live && lockState(input.live), Object.keys(input.mutation.fields))
    case 'dialogueAction':
      // The leader keeps the status of an action after the lock (it is their to-do); what was agreed stays.
      return lockRefusal(
        input,
        await storedDialogue(tx, input, dialogueIdOf(input)),
        writtenFields(input).filter((f) => f !== 'status' && f !== 'doneOn'),
      )
    case 'note':
      return noteLockRefusal(tx, input)
    case 'forecast':
      return input.mutation.op === 'upsert' ? forecastRefusal(tx, input) : null
    default:
      return null
  }
}

function lockState(values: Record<string, unknown>): LockableDialogue {
  return { heldOn: (values.heldOn as IsoDate | null) ?? null, reopenedOn: (values.reopenedOn as IsoDate | null) ?? null }
}

/**
 * The fields a note's or an action's write sets; when it ties the record to a dialogue (a create, a
 * move) that tie first, so a refusal names it rather than whichever field came first.
 */
function writtenFields({ mutation, live }: HistoryInput): string[] {
  const names = Object.keys(mutation.fields)
  const ties = names.includes('dialogueId') && (!live || live.dialogueId !== mutation.fields.dialogueId)
  return ties ? ['dialogueId', ...names.filter((f) => f !== 'dialogueId')] : names
}

/** The dialogue a note or an action belongs to as stored, else the one the write gives it. */
function dialogueIdOf({ live, fields }: HistoryInput): string | null {
  return ((live?.dialogueId ?? fields.dialogueId) as string | null | undefined) ?? null
}

/**
 * A note locks with the dialogue it belongs to — and with the one a write would move it to: a note
 * can be neither taken out of a locked dialogue nor put into one.
 */
async function noteLockRefusal(tx: Db, input: HistoryInput): Promise<FieldRefusal | null> {
  const ids = new Set([input.live?.dialogueId, input.fields.dialogueId].filter((id): id is string => typeof id === 'string' && id !== ''))
  for (const id of ids) {
    const refusal = lockRefusal(input, await storedDialogue(tx, input, id), writtenFields(input))
    if (refusal) return refusal
  }
  return null
}

/**
 * A dialogue's lock state as stored (null when there is none, or it is deleted). Of the record's own
 * unit only: a reference to another unit's dialogue must not tell whether that one exists.
 */
async function storedDialogue(tx: Db, { mutation }: HistoryInput, id: string | null): Promise<LockableDialogue | null> {
  if (!id) return null
  const rows = await tx.query<{ held_on: string | null; reopened_on: string | null }>(
    `select to_char(held_on, 'YYYY-MM-DD') as held_on, to_char(reopened_on, 'YYYY-MM-DD') as reopened_on
       from dialogue where id = $1 and unit_id = $2 and not deleted`,
    [id, mutation.scopeId],
  )
  const row = rows[0]
  return row ? { heldOn: row.held_on, reopenedOn: row.reopened_on } : null
}

/**
 * A locked dialogue — its minutes, its notes, what was agreed at it — takes no change and no delete
 * (core/history/dialogueLock.ts); `touched` are the fields the lock covers that the mutation writes.
 */
function lockRefusal({ mutation, live, today, lockDays }: HistoryInput, dialogue: LockableDialogue | null, touched: string[]): FieldRefusal | null {
  if (!dialogue || !isDialogueLocked(dialogue, today, lockDays)) return null
  const creates = mutation.op === 'upsert' && !live
  if (mutation.op === 'upsert' && !creates && touched.length === 0) return null
  const field = mutation.op === 'delete' ? 'deleted' : (touched[0] ?? Object.keys(mutation.fields)[0] ?? 'minutes')
  return { field, message: `${fieldLabel(field)}: ${dialogueLockedMessage(lockDays)}` }
}

/** A forecast that moves more than the interval needs an explanation (core/history/forecastMove.ts). */
async function forecastRefusal(tx: Db, { mutation, live, fields, today }: HistoryInput): Promise<FieldRefusal | null> {
  const next = { ...(live ?? {}), ...fields }
  const year = Number(next.year)
  const month = Number(next.month)
  if (!Number.isInteger(year) || !Number.isInteger(month)) return null // an edit of a missing record: the merge refuses it
  const facts = await forecastFacts(tx, mutation, year, month, today)
  if (!facts) return null
  const previous = previousForecast(facts.forecasts, { year, month })
  const refusal = forecastMoveRefusal({
    amount: Number(next.amount),
    explanation: typeof next.explanation === 'string' ? next.explanation : null,
    previous: previous?.amount ?? null,
    budget: facts.budget,
    interval: facts.interval,
  })
  return refusal
}

interface ForecastFacts {
  /** The unit's other live forecasts of the year given before `month`. */
  forecasts: ForecastEntry[]
  budget: number | null
  interval: number
}

async function forecastFacts(tx: Db, m: HistoryInput['mutation'], year: number, month: number, today: IsoDate): Promise<ForecastFacts | null> {
  const units = await tx.query<{ municipality_id: string; unit_type: UnitType }>(
    'select a.municipality_id, u.unit_type from unit u join area a on a.id = u.area_id where u.id = $1',
    [m.scopeId],
  )
  const unit = units[0]
  if (!unit) return null
  const [forecasts, figures, ruleSets, period] = await Promise.all([
    tx.query<{ id: string; month: number; amount: string }>(
      `select id, month, amount from forecast
        where unit_id = $1 and year = $2 and month < $3 and id <> $4 and not deleted`,
      [m.scopeId, year, month, m.recordId],
    ),
    tx.query<{ year: number; month: number; budget: string }>('select year, month, budget from monthly_figure where unit_id = $1 and year = $2', [
      m.scopeId,
      year,
    ]),
    ruleSetsOf(tx, unit.municipality_id),
    latestPeriodOf(tx, unit.municipality_id),
  ])
  // The interval of the rule set the unit's lights are judged by now — the one the form shows
  // (services/judge.ts, core/lights.ts): in force at the end of the latest month with figures.
  const ruleSet = ruleSetForPeriod(ruleSets.length ? ruleSets : [defaultRuleSet(unit.municipality_id)], {
    municipalityId: unit.municipality_id,
    unitType: unit.unit_type,
    period: period ?? periodOf(today),
  })
  return {
    forecasts: forecasts.map((f) => ({
      id: f.id,
      unitId: m.scopeId,
      year,
      month: Number(f.month),
      amount: Number(f.amount),
      explanation: null,
    })),
    budget: budgetOfYear(
      figures.map((f) => ({ year: Number(f.year), month: Number(f.month), budget: Number(f.budget) })),
      year,
    ),
    interval: ruleSet.thresholds.forecastInterval,
  }
}
