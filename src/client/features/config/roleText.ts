// A role as a sentence: "Leder af Askeskolen", "Områdechef for Område Nord", "Direktion".
import type { PeopleList, PersonEntry } from '../../api/types'

type Grant = PersonEntry['roles'][number]

export function roleText(grant: Grant, list: PeopleList, t: (key: string, named?: Record<string, unknown>) => string): string {
  const place = (id: string | null, of: ReadonlyArray<{ id: string; name: string }>) => of.find((x) => x.id === id)?.name ?? id ?? ''
  if (grant.role === 'leader') return t('people.role.leaderOf', { unit: place(grant.unitId, list.units) })
  if (grant.role === 'area_chief') return t('people.role.chiefOf', { area: place(grant.areaId, list.areas) })
  return t(`people.role.${grant.role}`)
}
