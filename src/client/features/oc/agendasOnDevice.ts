// An area chief walks into an institution with no connection: the agendas of the meetings coming up
// must already be on the device. The dialogue chain's records sync by themselves, but a unit's
// figures (its detail, from which its lights, and so the agenda, are made) reach the device only
// when the unit's page is loaded. So the OC's home loads, one unit at a time once its own screen is
// up and while online, the details of the units its inbox names that this device has not fetched
// in this session — the soonest meeting first, as the inbox orders them. The store saves each to
// Dexie, from where the unit's pages open offline.
import { watch } from 'vue'
import { afterFirstScreen } from '../../shared/firstScreen'
import { useConnectivityStore } from '../frame/connectivityStore'
import { useUnitsStore } from '../units/unitsStore'

export function useAgendasOnDevice(unitIds: () => readonly string[]): void {
  const units = useUnitsStore()
  const connectivity = useConnectivityStore()
  let running = false
  let started = false

  const fetched = (unitId: string) => {
    const entry = units.details[unitId]
    return !!entry && entry.fetchedAt !== null && !entry.stale
  }

  async function loadMissing(): Promise<void> {
    if (running || !started) return
    running = true
    try {
      for (;;) {
        const next = unitIds().find((id) => !fetched(id) && units.details[id]?.state !== 'notFound')
        if (next === undefined || !connectivity.online) return
        await units.loadDetail(next)
        // Failed (offline meanwhile, or the server down): try again when the inputs change.
        if (!fetched(next)) return
      }
    } finally {
      running = false
    }
  }

  afterFirstScreen(() => {
    started = true
    return loadMissing()
  })
  watch([() => unitIds().join(' '), () => connectivity.online], () => void loadMissing())
}
