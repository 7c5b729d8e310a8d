// The indicators the municipality judges by today (core/indicators/inUse.ts), as /api/me says: a
// choice of indicator (a filter, a dialogue's topics) offers these alone.
import { computed } from 'vue'
import { indicatorsInUse } from '../../../core/indicators/inUse'
import { useSessionStore } from './sessionStore'

export function useIndicatorsInUse() {
  const session = useSessionStore()
  return computed(() => indicatorsInUse(session.me?.municipality?.indicatorsOff))
}
