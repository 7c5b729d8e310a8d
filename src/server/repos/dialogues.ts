// Reads of the dialogue chain for its own routes: a dialogue's lock state and its history from the
// audit log (written by sync/writer.ts for every change: old and new value of the changed fields).
// Writes go through writeSynced, as every write of a synced record does.
import { z } from 'zod'
import type { historyEntrySchema } from '../../core/http/dialogues'
import { SYNC_KINDS } from '../../core/sync/kinds'
import type { IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { sqlTable } from '../sync/tables'

export interface DialogueRow {
  id: string
  unitId: string
  heldOn: IsoDate | null
  reopenedOn: IsoDate | null
}

/** The dialogue as stored, or null when there is none or it is deleted. */
export async function findDialogue(db: Db, id: string): Promise<DialogueRow | null> {
  const rows = await db.query<{ id: string; unit_id: string; held_on: string | null; reopened_on: string | null }>(
    `select id, unit_id, to_char(held_on, 'YYYY-MM-DD') as held_on, to_char(reopened_on, 'YYYY-MM-DD') as reopened_on
       from dialogue where id = $1 and not deleted`,
    [id],
  )
  const row = rows[0]
  return row ? { id: row.id, unitId: row.unit_id, heldOn: row.held_on, reopenedOn: row.reopened_on } : null
}

type HistoryEntry = z.infer<typeof historyEntrySchema>

const DIALOGUE_TABLE = sqlTable(SYNC_KINDS.dialogue).name
const ACTION_TABLE = sqlTable(SYNC_KINDS.dialogueAction).name

const AUDIT_ACTIONS: Readonly<Record<string, HistoryEntry['action']>> = {
  'sync.create': 'create',
  'sync.update': 'update',
  'sync.delete': 'delete',
  'sync.revive': 'revive',
}

const changedValues = z.record(z.string(), z.unknown()).nullable()

/** The fields as the kind declares them (the form's order), not as jsonb happens to keep its keys. */
function inDeclaredOrder(kind: HistoryEntry['kind'], fields: string[]): string[] {
  const declared = Object.keys(SYNC_KINDS[kind].fields)
  const rank = (f: string) => (declared.includes(f) ? declared.indexOf(f) : declared.length)
  return fields.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/**
 * The changes of the dialogue and of the actions agreed at it (deleted ones too: what was agreed
 * and then dropped is part of the account), newest first. Its notes are left out on purpose: an
 * OC's private note must not be seen through its dialogue's history.
 */
export async function dialogueHistory(db: Db, dialogue: Pick<DialogueRow, 'id' | 'unitId'>): Promise<HistoryEntry[]> {
  const rows = await db.query<{
    at: string
    person_id: string | null
    person_name: string
    table_name: string
    record_id: string
    action: string
    old_value: unknown
    new_value: unknown
  }>(
    `select to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, l.person_id, coalesce(p.name, '') as person_name,
            l.table_name, l.record_id, l.action, l.old_value, l.new_value
       from audit_log l left join person p on p.id = l.person_id
      where (l.table_name = $1 and l.record_id = $3)
         or (l.table_name = $2 and l.record_id in (select a.id from ${ACTION_TABLE} a where a.dialogue_id = $3 and a.unit_id = $4))
      order by l.at desc, l.id desc`,
    [DIALOGUE_TABLE, ACTION_TABLE, dialogue.id, dialogue.unitId],
  )
  return rows.map((r) => {
    const before = changedValues.parse(r.old_value) ?? {}
    const after = changedValues.parse(r.new_value) ?? {}
    const kind = r.table_name === DIALOGUE_TABLE ? 'dialogue' : 'dialogueAction'
    const fields = inDeclaredOrder(kind, [...new Set([...Object.keys(after), ...Object.keys(before)])])
    return {
      at: r.at,
      personId: r.person_id,
      personName: r.person_name,
      kind,
      recordId: r.record_id,
      action: AUDIT_ACTIONS[r.action] ?? 'update',
      changes: fields.map((field) => ({ field, oldValue: before[field] ?? null, newValue: after[field] ?? null })),
    }
  })
}
