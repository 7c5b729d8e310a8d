// The plan of an action plan file: its lines checked (a cost centre the app knows; core's checks)
// and compared with the stored actions. The file speaks for the units and years it names: an
// action of such a unit and year is found by its title, and one the file no longer lists is
// removed; nothing else of theirs or of other units is touched — so importing the previous file
// puts the plans back as they were, a removed action coming back as itself. Actions are synced records that leaders write too, so every
// change goes through the one writer (sync/writer.ts): versions, sequence numbers and audit rows,
// and the devices that hold the unit pull the change on their next sync.
import { randomUUID } from 'node:crypto'
import { actionLines, actionScope, actionTitleKey, type ActionLine } from '../../core/import/actionPlan'
import { actionPlanItemKind } from '../../core/sync/kinds'
import type { ActionPlanItem, IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { actionPlanItemOf } from '../repos/figures'
import { writeSyncedMany, type SyncWrite } from '../sync/writer'
import { readKnown, type KnownUnit } from './importUnits'
import { planOfChanges, type RecordChange } from './changes'
import type { ImportPlan } from './run'
import type { Source } from './source'

type ActionChange = RecordChange<ActionPlanItem>

const FIELDS = ['year', 'title', 'dueDate', 'status', 'doneOn', 'dropReason'] as const
const keyOf = (a: { unitId: string; year: number; title: string }) => `${actionScope(a.unitId, a.year)}|${actionTitleKey(a.title)}`
const withoutDeleted = ({ deleted: _, ...action }: StoredAction): ActionPlanItem => action
const changedFields = (before: ActionPlanItem | null, after: ActionPlanItem) => FIELDS.filter((f) => before === null || before[f] !== after[f])

type StoredAction = ActionPlanItem & { deleted: boolean }

/** The units' actions, removed ones too: an action the file lists again comes back as itself. */
async function storedActions(db: Db, unitIds: string[]): Promise<StoredAction[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select id, unit_id, year, title, due_date, status, done_on, drop_reason, deleted from action_plan_item
      where unit_id = any($1) order by deleted, id`,
    [unitIds],
  )
  return rows.map((r) => ({ ...actionPlanItemOf(r), deleted: r.deleted === true }))
}

function compare(lines: readonly ActionLine[], stored: readonly StoredAction[], units: ReadonlyMap<string, KnownUnit>): ActionChange[] {
  // Two stored actions of one title (a leader's and an import's): the first is the file's, the
  // other is no longer listed. A live action comes before a removed one (storedActions' order).
  const byKey = new Map<string, StoredAction>()
  for (const a of stored) if (!byKey.has(keyOf(a))) byKey.set(keyOf(a), a)
  const unitById = new Map([...units].map(([costCentre, u]) => [u.id, { ...u, costCentre }]))
  const listed = new Set<string>()
  const scopes = new Set<string>()
  const changes: ActionChange[] = lines.map((line) => {
    const unit = { ...units.get(line.costCentre)!, costCentre: line.costCentre }
    const found = byKey.get(keyOf({ unitId: unit.id, ...line })) ?? null
    const before = found && !found.deleted ? withoutDeleted(found) : null
    const after: ActionPlanItem = {
      id: found?.id ?? `ap-${randomUUID()}`,
      unitId: unit.id,
      year: line.year,
      title: line.title,
      dueDate: line.dueDate,
      status: line.status,
      doneOn: line.doneOn,
      dropReason: line.dropReason,
    }
    listed.add(after.id)
    scopes.add(actionScope(unit.id, line.year))
    const change = before === null ? 'new' : changedFields(before, after).length > 0 ? 'changed' : 'unchanged'
    return { change, before, after, unit, sourceLines: 1 }
  })
  for (const action of stored) {
    if (action.deleted || listed.has(action.id) || !scopes.has(actionScope(action.unitId, action.year))) continue
    const before = withoutDeleted(action)
    changes.push({ change: 'removed', before, after: before, unit: unitById.get(action.unitId)!, sourceLines: 0 })
  }
  return changes
}

async function writeActions(tx: Db, changes: readonly ActionChange[], personId: string, importId: string): Promise<void> {
  const at = new Date().toISOString()
  const writes = changes
    .filter((c) => c.change !== 'unchanged')
    .map((c): SyncWrite => ({
      kind: actionPlanItemKind,
      id: c.after.id,
      scopeId: c.after.unitId,
      op: c.change === 'removed' ? 'delete' : 'upsert',
      fields: c.change === 'removed' ? {} : Object.fromEntries(changedFields(c.before, c.after).map((f) => [f, c.after[f]])),
      personId,
      deviceId: 'import',
      // The audit row's key: this import's write of this action.
      mutationId: `${importId}/${c.after.id}`,
      at,
    }))
  const refused = (await writeSyncedMany(tx, writes)).find((r) => r.status !== 'applied')
  if (refused) throw new Error(`an action was not written: ${JSON.stringify(refused)}`)
}

export async function planActionPlanImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const { read, units, ofUnits } = await readKnown(db, 'actionPlan', source)
  const checked = actionLines(ofUnits.known, today)
  const unitIds = [...new Set(checked.actions.map((a) => units.get(a.costCentre)!.id))]
  const changes = compare(checked.actions, await storedActions(db, unitIds), units)
  return planOfChanges({
    read,
    issues: [...ofUnits.issues, ...checked.issues],
    changes,
    unitOf: (a) => a.unitId,
    row: (c) => ({
      label: c.after.title,
      values: { dueDate: c.after.dueDate, status: c.after.status, doneOn: c.after.doneOn, dropReason: c.after.dropReason },
    }),
    order: (a, b) => String(a.values.dueDate).localeCompare(String(b.values.dueDate)) || a.label.localeCompare(b.label, 'da'),
    write: (tx, personId, importId) => writeActions(tx, changes, personId, importId),
  })
}
