// The per-field merge the server runs for every pushed mutation. A field merges when nobody else
// changed it on the server since the mutation's base version; when someone did and the values
// differ, the server keeps its value and reports a conflict for the person to resolve. Equal values
// are never a conflict. A device's own later writes do not conflict with its earlier ones: the
// server remembers which device last wrote each field, so an outbox of several edits to one record
// made offline (all on the same base version) applies in order — and in the device's order: each
// mutation carries the device's own sequence number, kept per field, so an older write of the same
// device that arrives late (a lost request retried after a newer one) never overwrites a newer one.
import type { FieldConflict } from './protocol'
import { valuesEqual } from './values'

export interface ServerRecordState {
  version: number
  deleted: boolean
  /** The record's fields (no id/unitId). */
  values: Record<string, unknown>
  /** Per field, the version at which it last changed; a field missing here counts as changed at `version`. */
  fieldVersions: Record<string, number>
  /** Per field, the device that last wrote it through sync ('deleted' for the last delete). */
  fieldWriters: Record<string, string>
  /** Per field, that device's sequence number for the write. */
  fieldSeqs: Record<string, number>
}

export interface MergeInput {
  deviceId: string
  /** The device's own sequence number of this mutation; absent for a writer that is no device. */
  deviceSeq?: number
  baseVersion: number
  op: 'upsert' | 'delete'
  /** Validated and normalised fields: every field on a create. */
  fields: Record<string, unknown>
}

export type MergeOutcome =
  | {
      status: 'applied' | 'conflict'
      /** The record after the merge; the same object as the input when nothing changed. */
      next: ServerRecordState
      /** Fields whose value changed (and 'deleted' for a delete or revival): empty means no write. */
      changed: string[]
      conflicts: FieldConflict[]
      created: boolean
    }
  | { status: 'rejected'; reason: 'not_found' | 'deleted' }

/** Optional check of a merged record (rules across fields); a partial merge that fails it applies nothing. */
export type RecordCheck = (values: Record<string, unknown>) => boolean

/** Did someone other than this device change the field after the base version? */
function changedByOthers(server: ServerRecordState, field: string, input: MergeInput): boolean {
  const fieldVersion = server.fieldVersions[field] ?? server.version
  return fieldVersion > input.baseVersion && server.fieldWriters[field] !== input.deviceId
}

/** Did this device already write the field with a later mutation of its own? Then this one is stale. */
function newerOwnWrite(server: ServerRecordState, field: string, input: MergeInput): boolean {
  return input.deviceSeq !== undefined && server.fieldWriters[field] === input.deviceId && (server.fieldSeqs[field] ?? 0) > input.deviceSeq
}

/**
 * Every field's version made explicit. A field without one (written by an import or the seed)
 * counts as changed at the record's version; that estimate must be frozen before the version
 * moves on, or an untouched field would look freshly changed.
 */
function settledVersions(server: ServerRecordState): Record<string, number> {
  const versions: Record<string, number> = {}
  for (const field of Object.keys(server.values)) versions[field] = server.fieldVersions[field] ?? server.version
  return versions
}

function stamp(fields: Iterable<string>, version: number, input: MergeInput) {
  const fieldVersions: Record<string, number> = {}
  const fieldWriters: Record<string, string> = {}
  const fieldSeqs: Record<string, number> = {}
  for (const field of fields) {
    fieldVersions[field] = version
    fieldWriters[field] = input.deviceId
    if (input.deviceSeq !== undefined) fieldSeqs[field] = input.deviceSeq
  }
  return { fieldVersions, fieldWriters, fieldSeqs }
}

function unchanged(server: ServerRecordState): MergeOutcome {
  return { status: 'applied', next: server, changed: [], conflicts: [], created: false }
}

function create(input: MergeInput, previous: ServerRecordState | null): MergeOutcome {
  const version = (previous?.version ?? 0) + 1
  const fields = Object.keys(input.fields)
  const stamps = stamp(fields, version, input)
  const next: ServerRecordState = { version, deleted: false, values: { ...input.fields }, ...stamps }
  return { status: 'applied', next, changed: previous ? [...fields, 'deleted'] : fields, conflicts: [], created: previous === null }
}

function remove(server: ServerRecordState | null, input: MergeInput): MergeOutcome {
  // Deleting what is not there (never pushed, or already deleted) changes nothing.
  if (!server || server.deleted) {
    return unchanged(server ?? { version: 0, deleted: true, values: {}, fieldVersions: {}, fieldWriters: {}, fieldSeqs: {} })
  }
  // The device wrote the record again after this delete (it made it anew): its later write stands.
  if (Object.keys(server.values).some((field) => newerOwnWrite(server, field, input))) return unchanged(server)
  // A delete based on an older version would silently throw away what others wrote since.
  const editedByOthers = Object.keys(server.values).some((field) => changedByOthers(server, field, input))
  if (editedByOthers) {
    return { status: 'conflict', next: server, changed: [], conflicts: [{ field: 'deleted', mine: true, theirs: false }], created: false }
  }
  const stamps = stamp(['deleted'], server.version + 1, input)
  const next: ServerRecordState = {
    ...server,
    version: server.version + 1,
    deleted: true,
    fieldWriters: { ...server.fieldWriters, ...stamps.fieldWriters },
    fieldSeqs: { ...server.fieldSeqs, ...stamps.fieldSeqs },
  }
  return { status: 'applied', next, changed: ['deleted'], conflicts: [], created: false }
}

export function mergeMutation(server: ServerRecordState | null, input: MergeInput, check?: RecordCheck): MergeOutcome {
  if (input.op === 'delete') return remove(server, input)
  if (!server) return input.baseVersion === 0 ? create(input, null) : { status: 'rejected', reason: 'not_found' }
  if (server.deleted) {
    // An edit the device made before its own delete, arriving after it: the delete stands.
    if (newerOwnWrite(server, 'deleted', input)) return unchanged(server)
    // Creating again what was deleted (e.g. the forecast of a month, whose id is fixed) revives it;
    // an edit of the record as it was before the delete cannot be saved.
    return input.baseVersion === 0 ? create(input, server) : { status: 'rejected', reason: 'deleted' }
  }

  const apply: Record<string, unknown> = {}
  const conflicts: FieldConflict[] = []
  for (const [field, mine] of Object.entries(input.fields)) {
    const theirs = server.values[field] ?? null
    if (valuesEqual(mine, theirs) || newerOwnWrite(server, field, input)) continue
    if (changedByOthers(server, field, input)) conflicts.push({ field, mine, theirs })
    else apply[field] = mine
  }

  let changed = Object.keys(apply)
  if (changed.length > 0 && conflicts.length > 0 && check && !check({ ...server.values, ...apply })) {
    // Half a change that breaks a rule across fields (status "done" without its date) is worse
    // than none: nothing applies, and every differing field goes back to the person as a conflict.
    for (const field of changed) conflicts.push({ field, mine: apply[field], theirs: server.values[field] ?? null })
    changed = []
  }
  const status = conflicts.length > 0 ? 'conflict' : 'applied'
  if (changed.length === 0) return { status, next: server, changed, conflicts, created: false }

  const version = server.version + 1
  const stamps = stamp(changed, version, input)
  const next: ServerRecordState = {
    version,
    deleted: false,
    values: { ...server.values, ...apply },
    fieldVersions: { ...settledVersions(server), ...stamps.fieldVersions },
    fieldWriters: { ...server.fieldWriters, ...stamps.fieldWriters },
    fieldSeqs: { ...server.fieldSeqs, ...stamps.fieldSeqs },
  }
  return { status, next, changed, conflicts, created: false }
}
