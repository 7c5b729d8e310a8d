// Small repositories over the Dexie tables: stores use these, never the tables directly.
import type { IsoDate } from '../../core/types'
import type { Me, UnitDetail, UnitSummary } from '../api/types'
import { db, type MetaKey, type MetaRow } from './db'

export const meRepo = {
  async get(): Promise<Me | null> {
    return (await db.me.get('me'))?.me ?? null
  },
  async put(me: Me): Promise<void> {
    await db.me.put({ key: 'me', me })
  },
}

export interface CachedUnits {
  asOf: IsoDate | null
  fetchedAt: number | null
  units: UnitSummary[]
}

export const unitsRepo = {
  /** Replaces the whole list in one transaction: units that left the leader's scope disappear too. */
  async save(asOf: IsoDate | null, units: UnitSummary[], fetchedAt: number): Promise<void> {
    await db.transaction('rw', db.unitSummaries, db.meta, async () => {
      await db.unitSummaries.clear()
      await db.unitSummaries.bulkPut(units.map((u, order) => ({ ...u, order })))
      await db.meta.bulkPut([
        { key: 'unitsAsOf', value: asOf },
        { key: 'unitsFetchedAt', value: fetchedAt },
      ])
    })
  },
  async load(): Promise<CachedUnits | null> {
    const rows = await db.unitSummaries.orderBy('order').toArray()
    const fetchedAt = await metaRepo.get('unitsFetchedAt')
    if (rows.length === 0 && fetchedAt === null) return null
    const asOf = await metaRepo.get('unitsAsOf')
    return {
      asOf: typeof asOf === 'string' ? asOf : null,
      fetchedAt: typeof fetchedAt === 'number' ? fetchedAt : null,
      units: rows.map(({ order: _order, ...unit }) => unit),
    }
  },
}

export const detailsRepo = {
  async get(unitId: string): Promise<{ detail: UnitDetail; fetchedAt: number } | null> {
    const row = await db.unitDetails.get(unitId)
    return row ? { detail: row.detail, fetchedAt: row.fetchedAt } : null
  },
  async put(unitId: string, detail: UnitDetail, fetchedAt: number): Promise<void> {
    await db.unitDetails.put({ unitId, detail, fetchedAt })
  },
  async remove(unitId: string): Promise<void> {
    await db.unitDetails.delete(unitId)
  },
}

export const metaRepo = {
  async get(key: MetaKey): Promise<MetaRow['value']> {
    return (await db.meta.get(key))?.value ?? null
  },
  async set(key: MetaKey, value: MetaRow['value']): Promise<void> {
    await db.meta.put({ key, value })
  },
}

/** Everything about the person goes: logout, or a session the server no longer knows (shared tablets). */
export async function wipeLocalData(): Promise<void> {
  await db.transaction('rw', [db.me, db.unitSummaries, db.unitDetails, db.meta], async () => {
    await Promise.all([db.me.clear(), db.unitSummaries.clear(), db.unitDetails.clear(), db.meta.clear()])
  })
}
