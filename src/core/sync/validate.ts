// Validation of a mutation's fields with the record schemas of src/core: a create must be a whole
// valid record; an update must leave the record valid once its fields are laid over the current
// one (so rules across fields, like "done needs a date", hold). The device checks before it saves,
// the server again before it writes; the message names the field in Danish.
import { serverOwnedChange } from '../history/dialogueLock'
import { fieldLabel, isServerStampField, SYNC_TABLE_SPECS, type SyncTable } from './tables'
import { normaliseValue } from './values'

export type FieldsValidation =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; field: string; message: string }

export interface ValidationInput {
  table: SyncTable
  recordId: string
  unitId: string
  fields: Record<string, unknown>
  /** The record's current fields (no id/unitId), or null when the mutation creates it. */
  current: Record<string, unknown> | null
  /** The fields it was created with, when it exists or existed (a revived tombstone); default current. */
  previous?: Record<string, unknown> | null
}

/** Fields that are set when a record is made and never change afterwards. */
const FIXED_AFTER_CREATE: Partial<Record<SyncTable, readonly string[]>> = {
  // Who may read a note follows from its visibility; changing it later would leave copies on
  // devices that may no longer read it.
  note: ['visibility'],
}

function invalid(field: string, message: string): FieldsValidation {
  return { ok: false, field, message: `${fieldLabel(field)}: ${message}` }
}

export function validateFields(input: ValidationInput): FieldsValidation {
  const spec = SYNC_TABLE_SPECS[input.table]
  for (const name of Object.keys(input.fields)) {
    // Who wrote it and when is the server's to say: a device cannot claim another author or time.
    if (isServerStampField(name)) return invalid(name, 'sættes af serveren og kan ikke ændres.')
    if (!Object.hasOwn(spec.fields, name)) return invalid(name, 'feltet findes ikke og kan ikke gemmes.')
  }
  // policy: fields only the server writes, such as a dialogue's lock (core/history/dialogueLock.ts)
  const owned = serverOwnedChange(input.table, input.fields, input.current)
  if (owned) return invalid(owned, 'sættes af serveren og kan ikke ændres.')
  const previous = input.previous ?? input.current
  if (previous) {
    for (const name of FIXED_AFTER_CREATE[input.table] ?? []) {
      if (Object.hasOwn(input.fields, name) && input.fields[name] !== previous[name]) {
        return invalid(name, 'kan ikke ændres, efter posten er oprettet.')
      }
    }
  }
  const candidate = { ...(input.current ?? {}), ...input.fields, id: input.recordId, unitId: input.unitId }
  const parsed = spec.schema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'id'
    return invalid(field, issue?.message ?? 'ugyldig værdi.')
  }
  const output = parsed.data as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  // A create stores every field (absent optional ones as null); an update only the ones it sends.
  const names = input.current ? Object.keys(input.fields) : Object.keys(spec.fields)
  for (const name of names) {
    const kind = spec.fields[name]
    if (kind) fields[name] = normaliseValue(kind, output[name])
  }
  return { ok: true, fields }
}
