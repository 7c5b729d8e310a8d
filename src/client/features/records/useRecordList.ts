// A live list of one table's records for a unit, following the unit id when the route changes.
// Each unit id gets its own live query in a child effect scope, stopped when the id changes or the
// component goes, so no IndexedDB subscription outlives its screen.
import { computed, effectScope, onScopeDispose, ref, shallowRef, toValue, watch, type EffectScope, type MaybeRefOrGetter, type Ref } from 'vue'
import { useRecordsStore, type LocalRecord, type SyncTable } from './recordsStore'
import { useSyncStore } from '../sync/syncStore'

export interface RecordListState<T> {
  records: Readonly<Ref<Array<LocalRecord<T>>>>
  /**
   * Whether an empty list means "there are none": the device has read its records for this unit,
   * and has synced at least once. On a new device the records arrive with the first sync, seconds
   * after the page; until then "nothing yet" would be untrue, so the page says it is loading.
   */
  loaded: Readonly<Ref<boolean>>
}

export function useRecordListState<T>(table: SyncTable, unitId: MaybeRefOrGetter<string>): RecordListState<T> {
  const records = useRecordsStore()
  const sync = useSyncStore()
  const result = shallowRef<Array<LocalRecord<T>>>([])
  const read = ref(false)
  let scope: EffectScope | null = null
  watch(
    () => toValue(unitId),
    (id) => {
      scope?.stop()
      result.value = []
      read.value = false
      if (!id) return
      scope = effectScope()
      scope.run(() => {
        const live = records.list<T>(table, id)
        // The first call is the list's initial empty value; every later one is IndexedDB's answer.
        watch(
          live,
          (list, before) => {
            result.value = list.filter((r) => !r.deleted)
            if (before !== undefined) read.value = true
          },
          { immediate: true },
        )
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => scope?.stop())
  const loaded = computed(() => (read.value && sync.lastSyncedAt !== null) || result.value.length > 0)
  return { records: result, loaded }
}

export function useRecordList<T>(table: SyncTable, unitId: MaybeRefOrGetter<string>): Readonly<Ref<Array<LocalRecord<T>>>> {
  return useRecordListState<T>(table, unitId).records
}
