// An in-memory stand-in for the records store (src/client/features/records/recordsStore.ts), so component tests
// need no IndexedDB: lists are live (computed over one ref), saves upsert and mark fields pending.
import { computed, ref } from 'vue'
import { vi } from 'vitest'
import type { LocalRecord, SaveInput, SyncTable } from '../../src/client/features/records/recordsStore'
import { detail as baseDetail } from './fixtures'
import type { UnitDetail } from '../../src/client/api/types'
import type { ForecastEntry, MonthlyFigure } from '../../src/core/types'

export function record<T = Record<string, unknown>>(table: SyncTable, id: string, data: T, extra: Partial<LocalRecord<T>> = {}): LocalRecord<T> {
  return { table, id, scopeId: 'u1', version: 1, deleted: false, data, pendingFields: [], conflicts: [], rejection: null, ...extra }
}

export function createFakeRecords(initial: LocalRecord<unknown>[] = []) {
  const rows = ref<LocalRecord<unknown>[]>([...initial])
  let next = 1
  const save = vi.fn((table: SyncTable, input: SaveInput): Promise<string> => {
    const id = input.id ?? `new-${next++}`
    const existing = rows.value.find((r) => r.table === table && r.id === id)
    if (existing) {
      rows.value = rows.value.map((r) =>
        r === existing
          ? { ...r, data: { ...(r.data as object), ...input.fields }, pendingFields: [...new Set([...r.pendingFields, ...Object.keys(input.fields)])] }
          : r,
      )
    } else {
      rows.value = [...rows.value, record(table, id, { id, unitId: input.scopeId, ...input.fields }, { scopeId: input.scopeId, version: 0, pendingFields: Object.keys(input.fields) })]
    }
    return Promise.resolve(id)
  })
  const remove = vi.fn((table: SyncTable, id: string) => {
    rows.value = rows.value.filter((r) => !(r.table === table && r.id === id))
    return Promise.resolve()
  })
  return {
    rows,
    list: vi.fn((table: SyncTable, scopeId: string) => computed(() => rows.value.filter((r) => r.table === table && r.scopeId === scopeId && !r.deleted))),
    get: vi.fn((table: SyncTable, id: string) => computed(() => rows.value.find((r) => r.table === table && r.id === id))),
    save,
    remove,
    resolveConflict: vi.fn(() => Promise.resolve()),
    dismissRejection: vi.fn(() => Promise.resolve()),
  }
}

export type FakeRecords = ReturnType<typeof createFakeRecords>

/** A school with a budget of 12 mio. kr. spent evenly, figures January–October 2026, a September forecast of 12 mio. */
export function detailWithFigures(forecasts: ForecastEntry[] = [
  { id: 'f-9', unitId: 'u1', year: 2026, month: 9, amount: 12_000_000, explanation: null, updatedBy: 'p-leader', updatedAt: '2026-09-10T09:30:00.000Z' },
]): UnitDetail {
  const figures: MonthlyFigure[] = Array.from({ length: 10 }, (_, i) => ({
    unitId: 'u1', year: 2026, month: i + 1, budget: 12_000_000, carryOver: 0, spendToDate: 1_000_000 * (i + 1), profileShare: (i + 1) / 12,
  }))
  return { ...baseDetail('u1'), figures, forecasts }
}
