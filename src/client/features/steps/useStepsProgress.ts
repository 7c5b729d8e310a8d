// Per indicator, where the leader is in the guided steps (core/steps.ts), from synced records.
import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import { INDICATORS, type IndicatorKey, type Period } from '../../../core/types'
import type { ExplanationData, InitiativeData, PreparationData } from '../records/recordTypes'
import { stepsProgress, type StepsProgress } from '../../../core/steps'
import { useRecordList } from '../records/useRecordList'

export function useStepsProgress(unitId: MaybeRefOrGetter<string>, period: MaybeRefOrGetter<Period | null>) {
  const explanations = useRecordList<ExplanationData>('explanation', unitId)
  const initiatives = useRecordList<InitiativeData>('initiative', unitId)
  const preparations = useRecordList<PreparationData>('dialoguePreparation', unitId)

  return computed<Record<IndicatorKey, StepsProgress>>(() => {
    const p = toValue(period)
    const ready = p !== null && preparations.value.some((r) => r.data.year === p.year && r.data.month === p.month && r.data.readyAt)
    const out = {} as Record<IndicatorKey, StepsProgress>
    for (const key of INDICATORS) {
      out[key] = stepsProgress({
        hasExplanation: p !== null && explanations.value.some((r) => r.data.indicator === key && r.data.year === p.year && r.data.month === p.month),
        initiatives: initiatives.value.filter((r) => r.data.indicator === key && r.data.status !== 'dropped').length,
        preparationReady: ready,
      })
    }
    return out
  })
}
