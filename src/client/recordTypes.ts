// The data of the records people write, as the records store holds them: the fields of the core
// schemas without the envelope (id, unitId), plus who changed them last and when (from the server).
import type { DialoguePreparationRecord, ExplanationRecord, InitiativeRecord, NoteRecord } from '../core/schemas'
import type { ForecastEntry } from '../core/types'

export interface ServerStamp {
  updatedBy?: string | null
  updatedAt?: string
  /** Not sent by the server yet; used when it is (see the report on author names). */
  updatedByName?: string | null
}

type Data<T> = Omit<T, 'id' | 'unitId'> & ServerStamp

export type ForecastData = Data<ForecastEntry>
export type ExplanationData = Data<ExplanationRecord>
export type InitiativeData = Data<InitiativeRecord>
export type NoteData = Data<NoteRecord>
export type PreparationData = Data<DialoguePreparationRecord>
