// Where a leader is in the five guided steps of an indicator, derived from what they have written
// (synced records), so they can stop anywhere and pick up on any device.
export const STEP_COUNT = 5
export const STEP_KEYS = ['understand', 'explain', 'act', 'help', 'prepare'] as const

export interface StepsState {
  hasExplanation: boolean
  initiatives: number
  preparationReady: boolean
}

export interface StepsProgress {
  started: boolean
  /** The step to continue at (1–5). */
  step: number
}

export function stepsProgress(s: StepsState): StepsProgress {
  const started = s.hasExplanation || s.initiatives > 0
  if (!started) return { started, step: 1 }
  if (!s.hasExplanation) return { started, step: 2 }
  if (s.initiatives === 0) return { started, step: 3 }
  return { started, step: 5 }
}

/** The step a value (a route's parameter) names, 1 when it names none of the five. */
export function stepNumber(param: unknown): number {
  const n = Number(param)
  return Number.isInteger(n) && n >= 1 && n <= STEP_COUNT ? n : 1
}
