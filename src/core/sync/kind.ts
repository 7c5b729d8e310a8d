// The declaration of a synced kind of record: everything the server's SQL, the pull, the access
// policy, the device's typed access and the tests' generators need, said once. A new kind is one
// defineSyncKind(...) in kinds.ts plus the migration that creates its table (README, Architecture).
import type { z } from 'zod'
import type { Principal, ScopeLevel } from '../principal'
import type { Role } from '../types'
import { fieldKindOf, type FieldKind } from './fieldKinds'
import type { SyncRecord } from './protocol'

/** A refusal that says which field and why, in Danish, for the person who made the change. */
export interface FieldRefusal {
  field: string
  message: string
}

export interface WriteContext {
  principal: Principal
  /** The record as it is (with the server's stamps, e.g. createdBy); null when the write creates it. */
  before: SyncRecord | null
  /** The record as it would be; null when the write deletes it. */
  after: SyncRecord | null
  /** The fields the write changes ('deleted' for a delete or revival). */
  changed: readonly string[]
}

/** A rule over who writes what when — authorship, a lock — beyond the per-role field lists. */
export type WriteCondition = (ctx: WriteContext) => FieldRefusal | null

/** Records where `field` equals `equals` are read (and so written) only by `readers` of their scope. */
export interface AudienceRule {
  field: string
  equals: string
  readers: readonly Role[]
}

export interface SyncKindSpec<N extends string, S extends z.ZodObject> {
  /** The name in the protocol (the mutation's `table`) and, in snake case, the SQL table's. */
  name: N
  /** The whole record ({ id, <scope field>, ...fields }): a create must pass it, an update once merged. */
  schema: S
  /** Which id the record belongs to: its `unitId`, `areaId` or `municipalityId` field. */
  scope: ScopeLevel
  /** Fields that make a record one of a kind per scope (one forecast a month): its id derives from them. */
  naturalKey?: readonly (keyof z.infer<S> & string)[]
  /** Fields set when the record is made and never changed afterwards. */
  fixedAfterCreate?: readonly (keyof z.infer<S> & string)[]
  /** Per role (held towards the record's scope): the fields it may write, or '*' for every field. */
  writers: Partial<Record<Role, '*' | readonly (keyof z.infer<S> & string)[]>>
  /** Who may read a record beyond its scope; absent: everyone who reads the scope. */
  audience?: readonly AudienceRule[]
  conditions?: readonly WriteCondition[]
  /** Reads of this kind are written to the access log (DOMAIN.md: notes). */
  readsLogged?: boolean
}

export interface SyncKind<N extends string = string, S extends z.ZodObject = z.ZodObject> extends SyncKindSpec<N, S> {
  /** The field that holds the scope id: unitId, areaId or municipalityId. Never changes. */
  scopeField: string
  /** The fields a mutation may write, with their kinds (from the schema, without id, scope and stamps). */
  fields: Readonly<Record<string, FieldKind>>
}

/**
 * Who changed a record last and when, and who made it: set by the server on every record it hands
 * out (pull pages and push answers), never by a device. A mutation carrying one is refused.
 */
export const SERVER_STAMP_FIELDS = ['updatedBy', 'updatedByName', 'updatedAt', 'createdBy', 'createdByName'] as const
export type ServerStampField = (typeof SERVER_STAMP_FIELDS)[number]

export function isServerStampField(name: string): name is ServerStampField {
  return (SERVER_STAMP_FIELDS as readonly string[]).includes(name)
}

const SCOPE_FIELDS: Readonly<Record<ScopeLevel, string>> = { unit: 'unitId', area: 'areaId', municipality: 'municipalityId' }

export function defineSyncKind<const N extends string, S extends z.ZodObject>(spec: SyncKindSpec<N, S>): SyncKind<N, S> {
  const scopeField = SCOPE_FIELDS[spec.scope]
  const shape = spec.schema.shape as Record<string, z.ZodType>
  if (!shape.id || !shape[scopeField]) throw new Error(`${spec.name}: the schema needs id and ${scopeField}`)
  const fields: Record<string, FieldKind> = {}
  for (const [name, schema] of Object.entries(shape)) {
    if (name === 'id' || name === scopeField || isServerStampField(name)) continue
    fields[name] = fieldKindOf(schema, `${spec.name}.${name}`)
  }
  const named = [...(spec.naturalKey ?? []), ...(spec.fixedAfterCreate ?? []), ...Object.values(spec.writers).flatMap((w) => (w === '*' || !w ? [] : w))]
  for (const name of named) if (!Object.hasOwn(fields, name)) throw new Error(`${spec.name}: '${name}' is not a field of its schema`)
  return { ...spec, scopeField, fields }
}

/** A scope id or key field as text: those are strings and numbers (a month); nothing else is a key. */
function keyText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** The record's scope id (its unitId, areaId or municipalityId). */
export function scopeIdOf(kind: SyncKind, record: SyncRecord): string {
  return keyText(record[kind.scopeField])
}

/**
 * The id of a natural-key record, from its scope and key fields: every device that creates the
 * forecast of a unit's month makes the same id, so two offline creates meet as one record and the
 * per-field merge settles them. Readable on purpose; it says no more than the key itself.
 */
export function recordIdFor(kind: SyncKind, record: SyncRecord): string {
  if (!kind.naturalKey) throw new Error(`${kind.name} has no natural key`)
  const parts = [kind.name, scopeIdOf(kind, record), ...kind.naturalKey.map((field) => keyText(record[field]))]
  return parts.map(encodeURIComponent).join(':')
}
