// The data of the records people write, as the records store holds them: the fields of the core
// schemas without the envelope (id, unitId), plus who changed them last and when (from the server).
import type { DialoguePreparationRecord, ExplanationRecord, InitiativeRecord, NoteRecord } from '../core/schemas'
import type { ForecastEntry } from '../core/types'

/** Set by the server on every synced record (src/core/sync/tables.ts, SERVER_STAMP_FIELDS); never sent back. */
export interface ServerStamp {
  updatedBy?: string | null
  /** The name of the person who changed it last, as the server has it. */
  updatedByName?: string | null
  /** ISO 8601, UTC. */
  updatedAt?: string
  createdBy?: string | null
  createdByName?: string | null
}

type Data<T> = Omit<T, 'id' | 'unitId'> & ServerStamp

export type ForecastData = Data<ForecastEntry>
export type ExplanationData = Data<ExplanationRecord>
export type InitiativeData = Data<InitiativeRecord>
export type NoteData = Data<NoteRecord>
export type PreparationData = Data<DialoguePreparationRecord>
