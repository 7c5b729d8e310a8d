// One typed Dexie database for everything the leader has seen, so the app opens with the last data
// when there is no network. Read models only for now: figures and lights come from the server and
// are never edited here. A future outbox (ARCHITECTURE.md, sync) adds tables in a new version().
import Dexie, { type EntityTable } from 'dexie'
import type { Me, UnitDetail, UnitSummary } from '../api/types'

/** The signed-in person; one row with key 'me'. */
export interface MeRow {
  key: 'me'
  me: Me
}

/** A unit summary in the order the server sent it (worst first). */
export interface UnitSummaryRow extends UnitSummary {
  order: number
}

export interface UnitDetailRow {
  unitId: string
  detail: UnitDetail
  fetchedAt: number
}

export type MetaKey = 'unitsAsOf' | 'unitsFetchedAt' | 'persistRequested'

export interface MetaRow {
  key: MetaKey
  value: string | number | boolean | null
}

export class LedersideDb extends Dexie {
  me!: EntityTable<MeRow, 'key'>
  unitSummaries!: EntityTable<UnitSummaryRow, 'id'>
  unitDetails!: EntityTable<UnitDetailRow, 'unitId'>
  meta!: EntityTable<MetaRow, 'key'>

  constructor(name = 'min-lederside') {
    super(name)
    this.version(1).stores({
      me: 'key',
      unitSummaries: 'id, order',
      unitDetails: 'unitId',
      meta: 'key',
    })
  }
}

export const db = new LedersideDb()
