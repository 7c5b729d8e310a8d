// The synced kinds' names and the Danish labels of their fields, for messages that must say which
// field is wrong. What each kind is — its schema, scope, writers — is declared in kinds.ts.
export { SYNC_KINDS, type SyncTable } from './kinds'

/** Danish names of fields, for messages that must say which field is wrong. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'Id',
  unitId: 'Enheden',
  areaId: 'Området',
  municipalityId: 'Kommunen',
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
  progressNote: 'Fremdrift',
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
