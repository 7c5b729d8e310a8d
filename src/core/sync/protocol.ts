// The sync protocol between a device and the server (ARCHITECTURE.md, "Sync: nothing written is
// ever lost"). A device pushes its outbox as mutations and pulls the changes in its scope after a
// cursor. Every request carries the header `X-Sync-Protocol: <PROTOCOL_VERSION>`; a server that no
// longer speaks the client's version answers 426 { error: 'client_outdated' }.
//
// Version 2: the envelope names the record's scope (`scopeId`: a unit's, an area's or the
// municipality's id, as its kind declares) instead of `unitId`, and each mutation carries the
// device's own sequence number, so the device's order wins over the order requests arrive in.
import { z } from 'zod'

export const PROTOCOL_VERSION = 2
/** The oldest client protocol this build still accepts. */
export const MIN_PROTOCOL_VERSION = 2
export const PROTOCOL_HEADER = 'x-sync-protocol'

export const MAX_PUSH_MUTATIONS = 500
export const DEFAULT_PULL_LIMIT = 500
export const MAX_PULL_LIMIT = 2000
/** A pull page stops after about this many bytes of records (always at least one record). */
export const MAX_PULL_PAGE_BYTES = 1_000_000

/** A kind's name; which names exist is the server's kind set (an unknown one is refused as invalid). */
export const syncTableSchema = z.string().min(1).max(100)

const idText = z.string().min(1).max(200)

/**
 * One write made on a device, as its outbox keeps it. `fields` holds only the changed fields
 * (camelCase) on an update and every field on a create (baseVersion 0); the id and the scope field
 * (unitId, areaId, …) are never fields, they are the envelope.
 */
export const pendingMutationSchema = z.object({
  /** Made on the device (a uuid); with the device id it makes the push idempotent. */
  mutationId: idText,
  table: syncTableSchema,
  recordId: idText,
  /** The id of the record's scope: its unitId for a unit's record (the kind says which). */
  scopeId: idText,
  /** The server version the device's edit was based on; 0 creates the record. */
  baseVersion: z.number().int().min(0),
  op: z.enum(['upsert', 'delete']),
  fields: z.record(z.string(), z.unknown()),
})

/** A mutation as pushed: with the device's own sequence number (its outbox order, never reused). */
export const mutationSchema = pendingMutationSchema.extend({ deviceSeq: z.number().int().min(1) })

export const pushRequestSchema = z.object({
  protocol: z.number().int(),
  deviceId: idText,
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
})

/** A record as synced: { id, <scope field>, ...fields, ...server stamps }. */
export const syncRecordSchema = z.record(z.string(), z.unknown())

export const fieldConflictSchema = z.object({
  /** A field name, or 'deleted' when a delete met changes made since its base version. */
  field: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
})

export const REJECTION_REASONS = ['forbidden', 'invalid', 'not_found', 'deleted', 'duplicate', 'error'] as const
export const rejectionReasonSchema = z.enum(REJECTION_REASONS)

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({
    mutationId: z.string(),
    status: z.literal('applied'),
    version: z.number().int(),
    deleted: z.boolean(),
    /** The record after the change; null once it is deleted (or never existed). */
    record: syncRecordSchema.nullable(),
  }),
  z.object({
    mutationId: z.string(),
    status: z.literal('conflict'),
    /** The server's version and record: fields not listed in conflicts were applied. */
    version: z.number().int(),
    record: syncRecordSchema,
    conflicts: z.array(fieldConflictSchema).min(1),
  }),
  z.object({
    mutationId: z.string(),
    status: z.literal('rejected'),
    reason: rejectionReasonSchema,
    /** Danish, for the person: says which field when the reason is 'invalid'. */
    message: z.string(),
    /** The field the refusal is about, when it is about one the person wrote. */
    field: z.string().optional(),
  }),
])

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) })

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
})

export const pullChangeSchema = z.object({
  table: syncTableSchema,
  id: z.string(),
  scopeId: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  /** Null for a tombstone. */
  record: syncRecordSchema.nullable(),
})

export const pullResponseSchema = z.object({
  changes: z.array(pullChangeSchema),
  /** Pass back as ?cursor= for the next page or the next sync. */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
})

export type PendingMutation = z.infer<typeof pendingMutationSchema>
export type Mutation = z.infer<typeof mutationSchema>
export type PushRequest = z.infer<typeof pushRequestSchema>
export type SyncRecord = z.infer<typeof syncRecordSchema>
export type FieldConflict = z.infer<typeof fieldConflictSchema>
export type RejectionReason = z.infer<typeof rejectionReasonSchema>
export type PushResult = z.infer<typeof pushResultSchema>
export type PushResponse = z.infer<typeof pushResponseSchema>
export type PullChange = z.infer<typeof pullChangeSchema>
export type PullResponse = z.infer<typeof pullResponseSchema>

/**
 * What the server makes of a client's `X-Sync-Protocol` header: a missing or older version must
 * update the app (426); a newer one meets a server not yet updated (503, try again later).
 */
export function protocolStatus(header: string | string[] | undefined): 'ok' | 'client_outdated' | 'server_outdated' {
  const value = Number(Array.isArray(header) ? header[0] : header)
  if (!Number.isInteger(value) || value < MIN_PROTOCOL_VERSION) return 'client_outdated'
  return value > PROTOCOL_VERSION ? 'server_outdated' : 'ok'
}

export const CLIENT_OUTDATED = {
  error: 'client_outdated',
  message: 'Appen skal opdateres for at kunne synkronisere. Genindlæs siden for at hente den nyeste version — dine ændringer er gemt på enheden.',
} as const

export const SERVER_OUTDATED = {
  error: 'server_outdated',
  message: 'Serveren er ved at blive opdateret. Dine ændringer er gemt på enheden og sendes om lidt.',
} as const

export const REJECTION_MESSAGES: Readonly<Record<Exclude<RejectionReason, 'invalid'>, string>> = {
  forbidden: 'Du har ikke adgang til at ændre denne post.',
  not_found: 'Posten findes ikke på serveren, så ændringen kunne ikke gemmes.',
  deleted: 'Posten er slettet af en anden, så ændringen kunne ikke gemmes.',
  duplicate: 'Der findes allerede en tilsvarende post (fx en prognose for samme måned).',
  error: 'Ændringen kunne ikke gemmes på grund af en fejl på serveren. Den prøves igen.',
}
