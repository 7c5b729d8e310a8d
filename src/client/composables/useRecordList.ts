// A live list of one table's records for a unit, following the unit id when the route changes.
// Each unit id gets its own live query in a child effect scope, stopped when the id changes or the
// component goes, so no IndexedDB subscription outlives its screen.
import { effectScope, onScopeDispose, shallowRef, toValue, watch, type EffectScope, type MaybeRefOrGetter, type Ref } from 'vue'
import { useRecordsStore, type LocalRecord, type SyncTable } from '../stores/records'

export function useRecordList<T>(table: SyncTable, unitId: MaybeRefOrGetter<string>): Readonly<Ref<Array<LocalRecord<T>>>> {
  const records = useRecordsStore()
  const result = shallowRef<Array<LocalRecord<T>>>([])
  let scope: EffectScope | null = null
  watch(
    () => toValue(unitId),
    (id) => {
      scope?.stop()
      result.value = []
      if (!id) return
      scope = effectScope()
      scope.run(() => {
        const live = records.list<T>(table, id)
        watch(live, (list) => {
          result.value = list.filter((r) => !r.deleted)
        }, { immediate: true })
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => scope?.stop())
  return result
}
