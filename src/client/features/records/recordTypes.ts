// The data of the records people write, as the records store holds them: the fields of each kind's
// schema (src/core/sync/kinds.ts) without the envelope (id and scope field), plus who changed them
// last and when (from the server). Derived from the declarations: a new kind has its type here free.
import type { z } from 'zod'
import type { SERVER_STAMP_FIELDS } from '../../../core/sync/kind'
import type { KindNamed, SyncTable } from '../../../core/sync/kinds'

/** Set by the server on every synced record (SERVER_STAMP_FIELDS); never sent back. */
export interface ServerStamp {
  updatedBy?: string | null
  /** The name of the person who changed it last, as the server has it. */
  updatedByName?: string | null
  /** ISO 8601, UTC. */
  updatedAt?: string
  createdBy?: string | null
  createdByName?: string | null
}

type Envelope = 'id' | 'unitId' | 'areaId' | 'municipalityId' | (typeof SERVER_STAMP_FIELDS)[number]

/** A kind's record data: its schema's fields, then the server's stamps. */
export type KindData<N extends SyncTable> = Omit<z.infer<KindNamed<N>['schema']>, Envelope> & ServerStamp

export type ForecastData = KindData<'forecast'>
export type ExplanationData = KindData<'explanation'>
export type InitiativeData = KindData<'initiative'>
export type NoteData = KindData<'note'>
export type PreparationData = KindData<'dialoguePreparation'>
