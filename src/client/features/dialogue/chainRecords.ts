// The dialogue chain's records as core's rules take them ({ id, unitId, ...fields }), live from the
// device: for one unit, or for every unit the device holds (an area chief's whole area — the pull
// hands a device only what its person may read, so "all" is their area).
import { computed, ref, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { DevelopmentPlan, Dialogue, DialogueAction, DialoguePreparation, UnitMark } from '../../../core/types'
import { useRecordsStore, type LocalRecord, type SyncTable } from '../records/recordsStore'
import { useRecordListState } from '../records/useRecordList'
import { useSyncStore } from '../sync/syncStore'

export type { DevelopmentPlan, Dialogue, DialogueAction, UnitMark } from '../../../core/types'
export type Preparation = DialoguePreparation

export interface ChainRecords {
  dialogues: ComputedRef<Dialogue[]>
  actions: ComputedRef<DialogueAction[]>
  plans: ComputedRef<DevelopmentPlan[]>
  marks: ComputedRef<UnitMark[]>
  preparations: ComputedRef<Preparation[]>
  /** False until the device has read them (and synced once): an empty list then means none. */
  loaded: ComputedRef<boolean>
}

/** A record's data is { id, unitId, ...fields } already; the types of the records store leave the envelope out. */
function asCore<T>(records: readonly LocalRecord<unknown>[]): T[] {
  return records.filter((r) => !r.deleted).map((r) => r.data as T)
}

const TABLES = ['dialogue', 'dialogueAction', 'developmentPlan', 'unitMark', 'dialoguePreparation'] as const satisfies readonly SyncTable[]

/** Every unit this device holds: the area chief's area. */
export function useAreaChain(): ChainRecords {
  const store = useRecordsStore()
  const sync = useSyncStore()
  const lists = TABLES.map((table) => store.listAll(table))
  const [dialogues, actions, plans, marks, preparations] = lists
  // Each list's first value is its empty start; every later one is IndexedDB's answer.
  const answered = ref(0)
  for (const list of lists) watch(list, () => answered.value++, { once: true })
  return {
    dialogues: computed(() => asCore<Dialogue>(dialogues!.value)),
    actions: computed(() => asCore<DialogueAction>(actions!.value)),
    plans: computed(() => asCore<DevelopmentPlan>(plans!.value)),
    marks: computed(() => asCore<UnitMark>(marks!.value)),
    preparations: computed(() => asCore<Preparation>(preparations!.value)),
    // As for one unit's lists (useRecordListState): empty means "none" only once the device has read
    // them and synced at least once — a new device's first minute must not say nothing waits.
    loaded: computed(() => answered.value >= lists.length && sync.lastSyncedAt !== null),
  }
}

/** One unit's chain. */
export function useUnitChain(unitId: MaybeRefOrGetter<string>): ChainRecords {
  const [dialogues, actions, plans, marks, preparations] = TABLES.map((table) => useRecordListState(table, unitId))
  return {
    dialogues: computed(() => asCore<Dialogue>(dialogues!.records.value)),
    actions: computed(() => asCore<DialogueAction>(actions!.records.value)),
    plans: computed(() => asCore<DevelopmentPlan>(plans!.records.value)),
    marks: computed(() => asCore<UnitMark>(marks!.records.value)),
    preparations: computed(() => asCore<Preparation>(preparations!.records.value)),
    loaded: computed(() => [dialogues, actions, plans, marks, preparations].every((l) => l!.loaded.value)),
  }
}
