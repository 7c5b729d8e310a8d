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

/**
 * Everything about the person goes, but the database stays open: another person signs in on a
 * shared tablet (only ever with an empty outbox — see the session store). The device id and the
 * sync cursor live in meta, so the next person starts with a fresh id and a full first sync.
 */
export async function wipeLocalData(): Promise<void> {
  const tables = [db.me, db.unitSummaries, db.unitDetails, db.meta, db.records, db.outbox]
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()))
  })
}

/** Caches that hold nothing personal: the precached app shell (the service worker never caches /api/). */
const APP_SHELL_CACHE = /^workbox-precache/

/**
 * Logout on a shared tablet: the whole IndexedDB database is deleted (and recreated empty on next
 * use) and every Cache Storage cache that could hold a response goes. The precached app shell
 * stays: it is public, and without it the installed app could not even open offline until the
 * next update.
 */
export async function deleteDeviceData(): Promise<void> {
  await db.delete({ disableAutoOpen: false })
  if (typeof caches === 'undefined') return
  const names = await caches.keys()
  await Promise.all(names.filter((name) => !APP_SHELL_CACHE.test(name)).map((name) => caches.delete(name)))
}
