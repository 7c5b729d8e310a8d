// The access policy of synced records, in one place, read off each kind's declaration: who may
// read a record (its scope, then its audience) and who may write which of its fields (per role
// towards the record's scope, then the kind's conditions: authorship, a lock). The server asks it
// for every push and builds the pull's filter from the same declaration; a device may ask it to
// show a field read-only.
import { idsWithRole, mayReadScope, rolesAt, type Principal } from '../principal'
import type { Role } from '../types'
import { scopeIdOf, type FieldRefusal, type SyncKind } from './kind'
import type { SyncRecord } from './protocol'
import { fieldLabel } from './tables'

export const NO_WRITE_ACCESS = 'Du har ikke adgang til at ændre denne post.'

/** May this person read the record: its scope, and the kind's audience rules? */
export function mayRead(principal: Principal, kind: SyncKind, record: SyncRecord): boolean {
  const scopeId = scopeIdOf(kind, record)
  if (!mayReadScope(principal, kind.scope, scopeId)) return false
  return (kind.audience ?? []).every((rule) => record[rule.field] !== rule.equals || holdsAny(principal, kind, scopeId, rule.readers))
}

function holdsAny(principal: Principal, kind: SyncKind, scopeId: string, roles: readonly Role[]): boolean {
  const held = rolesAt(principal, kind.scope, scopeId)
  return roles.some((r) => held.has(r))
}

/** The fields this person may write in a record of the kind in this scope ('*' = all); empty: none. */
export function writableFields(principal: Principal, kind: SyncKind, scopeId: string): '*' | ReadonlySet<string> {
  const fields = new Set<string>()
  for (const role of rolesAt(principal, kind.scope, scopeId)) {
    const allowed = kind.writers[role]
    if (allowed === '*') return '*'
    for (const f of allowed ?? []) fields.add(f)
  }
  return fields
}

/** May this person write anything at all in this kind and scope? Needs no record: decided before one is read. */
export function mayWriteScope(principal: Principal, kind: SyncKind, scopeId: string): boolean {
  const fields = writableFields(principal, kind, scopeId)
  return fields === '*' || fields.size > 0
}

/**
 * May this person make this change? `before` is the record as it is (null: created now), `after`
 * as it would be (null: deleted now), both { id, <scope>, ...fields, ...stamps }; `changedFields`
 * the fields written ('deleted' for a delete). The refusal names a field the person wrote.
 */
export function mayWriteFields(
  principal: Principal,
  kind: SyncKind,
  before: SyncRecord | null,
  after: SyncRecord | null,
  changedFields: readonly string[],
): { ok: true } | ({ ok: false } & FieldRefusal) {
  const record = after ?? before
  if (!record) return { ok: true }
  const scopeId = scopeIdOf(kind, record)
  const refuse = (field: string, message: string) => ({ ok: false as const, field, message })
  const writable = writableFields(principal, kind, scopeId)
  if (writable !== '*' && writable.size === 0) return refuse(changedFields[0] ?? 'id', NO_WRITE_ACCESS)
  if (writable !== '*') {
    // A delete takes every field with it: only a role that writes all of them may delete.
    const denied = changedFields.find((f) => f === 'deleted' || !writable.has(f))
    if (denied) return refuse(denied, `${fieldLabel(denied)}: du har ikke adgang til at ændre feltet.`)
  }
  for (const state of [before, after]) {
    if (state && !mayRead(principal, kind, state)) {
      const rule = (kind.audience ?? []).find((r) => state[r.field] === r.equals)
      const field = rule?.field ?? changedFields[0] ?? 'id'
      return refuse(field, `${fieldLabel(field)}: du kan ikke gemme en post, som du ikke selv må se.`)
    }
  }
  for (const condition of kind.conditions ?? []) {
    const refusal = condition({ principal, before, after, changed: changedFields })
    if (refusal) return { ok: false, ...refusal }
  }
  return { ok: true }
}

/** For the pull's SQL: per audience rule, the scope ids where this person is one of its readers ('all': any). */
export function audienceIds(principal: Principal, kind: SyncKind): Array<ReadonlySet<string> | 'all'> {
  return (kind.audience ?? []).map((rule) => idsWithRole(principal, kind.scope, rule.readers))
}
