// Validation of a mutation's fields with the kind's record schema: a create must be a whole valid
// record (and, for a natural-key kind, carry the id derived from its key); an update must leave the
// record valid once its fields are laid over the current one (so rules across fields, like "done
// needs a date", hold). The device checks before it saves, the server again before it writes; the
// message names the field in Danish.
import { serverOwnedChange } from '../history/dialogueLock'
import { isServerStampField, recordIdFor, type SyncKind } from './kind'
import { fieldLabel } from './tables'
import { normaliseValue } from './values'

export type FieldsValidation = { ok: true; fields: Record<string, unknown> } | { ok: false; field: string; message: string }

export interface ValidationInput {
  kind: SyncKind
  recordId: string
  scopeId: string
  fields: Record<string, unknown>
  /** The record's current fields (no id/scope), or null when the mutation creates it. */
  current: Record<string, unknown> | null
  /** The fields it was created with, when it exists or existed (a revived tombstone); default current. */
  previous?: Record<string, unknown> | null
}

function invalid(field: string, message: string): FieldsValidation {
  return { ok: false, field, message: `${fieldLabel(field)}: ${message}` }
}

export function validateFields(input: ValidationInput): FieldsValidation {
  const { kind } = input
  for (const name of Object.keys(input.fields)) {
    // Who wrote it and when is the server's to say: a device cannot claim another author or time.
    if (isServerStampField(name)) return invalid(name, 'sættes af serveren og kan ikke ændres.')
    if (!Object.hasOwn(kind.fields, name)) return invalid(name, 'feltet findes ikke og kan ikke gemmes.')
  }
  // policy: fields only the server writes, such as a dialogue's lock (core/history/dialogueLock.ts)
  const owned = serverOwnedChange(kind.name, input.fields, input.current)
  if (owned) return invalid(owned, 'sættes af serveren og kan ikke ændres.')
  const previous = input.previous ?? input.current
  if (previous) {
    for (const name of kind.fixedAfterCreate ?? []) {
      if (Object.hasOwn(input.fields, name) && input.fields[name] !== previous[name]) {
        return invalid(name, 'kan ikke ændres, efter posten er oprettet.')
      }
    }
  }
  const candidate = { ...(input.current ?? {}), ...input.fields, id: input.recordId, [kind.scopeField]: input.scopeId }
  const parsed = kind.schema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'id'
    return invalid(field, issue?.message ?? 'ugyldig værdi.')
  }
  const output = parsed.data
  // One record per key: a create under any other id would be a second forecast of the same month.
  if (!input.current && kind.naturalKey && recordIdFor(kind, output) !== input.recordId) {
    return invalid('id', 'passer ikke til postens nøgle (fx enhed og måned).')
  }
  const fields: Record<string, unknown> = {}
  // A create stores every field (absent optional ones as null); an update only the ones it sends.
  const names = input.current ? Object.keys(input.fields) : Object.keys(kind.fields)
  for (const name of names) {
    const fieldKind = kind.fields[name]
    if (fieldKind) fields[name] = normaliseValue(fieldKind, output[name])
  }
  return { ok: true, fields }
}
