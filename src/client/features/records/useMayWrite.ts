// What the signed-in person may write, asked of the one access policy (src/core/sync/access.ts) the
// server authorises every push with — per role towards the record's scope, per field, and the
// kind's conditions (a person edits only the notes they wrote). Forms show a field the person may
// not write as read-only or disabled, and leave out the buttons that would change the record; no
// component decides this by role on its own.
import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { principalOf } from '../../../core/principal'
import { mayWriteFields } from '../../../core/sync/access'
import { SYNC_KINDS, type SyncTable } from '../../../core/sync/kinds'
import type { SyncRecord } from '../../../core/sync/protocol'
import { useSessionStore } from '../session/sessionStore'
import type { LocalRecord } from './recordsStore'

type Shown = Pick<LocalRecord<unknown>, 'id' | 'version' | 'data'>

export interface MayWrite {
  /** May the person write this field of the record (no record: of a new one)? */
  field: (field: string, record?: Shown | null) => boolean
  /** May they write anything in the record (no record: create one)? False: show it read-only. */
  any: (record?: Shown | null) => boolean
  /** May they delete the record? */
  remove: (record: Shown) => boolean
}

/** The access policy for records of one kind in one scope (a unit), for the signed-in person. */
export function useMayWrite(table: SyncTable, scopeId: MaybeRefOrGetter<string>): MayWrite {
  const session = useSessionStore()
  const kind = SYNC_KINDS[table]
  const principal = computed(() => (session.me ? principalOf(session.me) : null))

  function states(record: Shown | null | undefined): { before: SyncRecord | null; after: SyncRecord } {
    const envelope = { id: record?.id ?? '', [kind.scopeField]: toValue(scopeId) }
    const data = (record?.data ?? {}) as SyncRecord
    // Until the server has the record it is still being created here (and its author is this person).
    const before = record && record.version > 0 ? { ...data, ...envelope } : null
    return { before, after: { ...data, ...envelope } }
  }

  function allowed(record: Shown | null | undefined, changed: readonly string[], deletes = false): boolean {
    const p = principal.value
    if (!p) return false
    const { before, after } = states(record)
    return mayWriteFields(p, kind, before, deletes ? null : after, changed).ok
  }

  return {
    field: (field, record) => allowed(record, [field]),
    any: (record) => Object.keys(kind.fields).some((field) => allowed(record, [field])),
    remove: (record) => allowed(record, ['deleted'], true),
  }
}
