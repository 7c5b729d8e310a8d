// What the signed-in person is, from /api/me's roles: decides the home (unit or area), whether
// a unit is shown to its leader or, read-only, to the area chief, and who sees the import.
import { computed } from 'vue'
import { useSessionStore } from './sessionStore'

export function useRole() {
  const session = useSessionStore()
  const roles = computed(() => session.me?.roles ?? [])
  const meId = computed(() => session.me?.person.id ?? null)
  const isAreaChief = computed(() => roles.value.some((r) => r.role === 'area_chief'))
  /** The economics data team: imports the finance system's files (features/import). */
  const isEconomics = computed(() => roles.value.some((r) => r.role === 'economics'))
  const leaderUnitIds = computed(() => new Set(roles.value.filter((r) => r.role === 'leader' && r.unitId).map((r) => r.unitId as string)))
  /** The person leads this unit: they write; anyone else in scope reads. */
  const leads = (unitId: string) => leaderUnitIds.value.has(unitId)
  return { roles, meId, isAreaChief, isEconomics, leaderUnitIds, leads }
}
