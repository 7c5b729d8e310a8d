// The records people write and sync: their names in the protocol, the fields a mutation may
// change (everything but id and unitId, which never change), each field's kind (how it is stored
// and normalised) and its Danish label for messages. One list, read by the device and the server.
import type { z } from 'zod'
import {
  actionPlanItemSchema, dialoguePreparationSchema, dialogueSchema, explanationSchema, forecastEntrySchema, initiativeSchema,
  noteSchema,
} from '../schemas'

export const SYNC_TABLES = [
  'actionPlanItem', 'forecast', 'explanation', 'initiative', 'note', 'dialoguePreparation', 'dialogue',
] as const
export type SyncTable = (typeof SYNC_TABLES)[number]

/** How a field is stored: decides the SQL cast and how a value is normalised before comparing. */
export type FieldKind = 'text' | 'int' | 'amount' | 'date' | 'timestamp' | 'bool' | 'json'

export interface SyncTableSpec {
  /** The full record schema ({ id, unitId, ...fields }): a create must pass it, an update after merging. */
  schema: z.ZodType
  fields: Readonly<Record<string, FieldKind>>
}

export const SYNC_TABLE_SPECS: Readonly<Record<SyncTable, SyncTableSpec>> = {
  actionPlanItem: {
    schema: actionPlanItemSchema,
    fields: { year: 'int', title: 'text', dueDate: 'date', status: 'text', doneOn: 'date', dropReason: 'text' },
  },
  forecast: {
    schema: forecastEntrySchema,
    fields: { year: 'int', month: 'int', amount: 'amount', explanation: 'text' },
  },
  explanation: {
    schema: explanationSchema,
    fields: { indicator: 'text', year: 'int', month: 'int', causes: 'json', body: 'text', validReason: 'bool' },
  },
  initiative: {
    schema: initiativeSchema,
    fields: { indicator: 'text', title: 'text', owner: 'text', dueDate: 'date', expectedEffect: 'amount', status: 'text' },
  },
  note: {
    schema: noteSchema,
    fields: { indicator: 'text', year: 'int', month: 'int', body: 'text', visibility: 'text' },
  },
  dialoguePreparation: {
    schema: dialoguePreparationSchema,
    fields: { year: 'int', month: 'int', questions: 'text', readyAt: 'timestamp' },
  },
  dialogue: {
    schema: dialogueSchema,
    fields: {
      kind: 'text', indicators: 'json', scheduledOn: 'date', heldOn: 'date', agenda: 'json', minutes: 'text',
      improved: 'bool', lockedAt: 'timestamp',
    },
  },
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

/** Danish names of fields, for messages that must say which field is wrong. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Id',
  unitId: 'Enheden',
  year: 'År',
  month: 'Måned',
  title: 'Titel',
  dueDate: 'Frist',
  status: 'Status',
  doneOn: 'Udført dato',
  dropReason: 'Begrundelse for at udgå',
  amount: 'Beløb',
  explanation: 'Forklaring',
  indicator: 'Indikator',
  causes: 'Årsager',
  body: 'Tekst',
  validReason: 'Gyldig årsag',
  owner: 'Ansvarlig',
  expectedEffect: 'Forventet effekt',
  visibility: 'Synlighed',
  questions: 'Spørgsmål',
  readyAt: 'Klar',
  kind: 'Type',
  indicators: 'Indikatorer',
  scheduledOn: 'Planlagt dato',
  heldOn: 'Afholdt dato',
  agenda: 'Dagsorden',
  minutes: 'Referat',
  improved: 'Forbedret',
  lockedAt: 'Låst',
  deleted: 'Sletning',
  updatedBy: 'Ændret af',
  updatedByName: 'Ændret af',
  updatedAt: 'Ændret',
  createdBy: 'Oprettet af',
  createdByName: 'Oprettet af',
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field
}

export function isSyncTable(name: string): name is SyncTable {
  return (SYNC_TABLES as readonly string[]).includes(name)
}
