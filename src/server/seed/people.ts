// The demo's people and their roles: a leader per unit (three lead two units, and the area chief
// of Syd also leads a unit), an area chief (OC) per area, the directorate and the economics team.
import { FIRST_NAMES, LAST_NAMES, slugify } from './names'
import { AREAS, UNITS } from './org'
import { rngFor } from './prng'
import type { DemoPerson, DemoRole } from './types'

/** Units led by the same leader, by unit name. */
const SHARED_LEADERSHIP: Array<[string, string]> = [
  ['Børnehuset Solsikken', 'Vuggestuen Mælkebøtten'],
  ['Vuggestuen Humlebien', 'Børnehaven Spiren'],
  ['Børnehuset Svalen', 'Vuggestuen Sommerfuglen'],
]
/** The area chief of Syd is also the leader of this unit. */
const OC_LED_UNIT = 'Børnehuset Myretuen'
const OC_LEADER_AREA = 'syd'

function personNames(count: number): string[] {
  const rng = rngFor('people')
  const combos = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`))
  const names: string[] = []
  const firstUsed = new Map<string, number>()
  for (const name of rng.shuffle(combos)) {
    // At most two people share a first name, so the list reads like a real staff list.
    const first = name.split(' ')[0] as string
    if ((firstUsed.get(first) ?? 0) >= 2) continue
    firstUsed.set(first, (firstUsed.get(first) ?? 0) + 1)
    names.push(name)
    if (names.length === count) break
  }
  return names
}

function unitId(name: string): string {
  const unit = UNITS.find((u) => u.name === name)
  if (!unit) throw new Error(`Unknown demo unit ${name}`)
  return unit.id
}

function makePeople(): { people: DemoPerson[]; roles: DemoRole[] } {
  const partnerOf = new Map<string, string>()
  for (const [a, b] of SHARED_LEADERSHIP) partnerOf.set(unitId(b), unitId(a))
  const ocLed = unitId(OC_LED_UNIT)
  const leaderUnits = UNITS.filter((u) => !partnerOf.has(u.id) && u.id !== ocLed)
  const names = personNames(leaderUnits.length + AREAS.length + 2)
  let next = 0
  const people: DemoPerson[] = []
  const roles: DemoRole[] = []
  const leaderOf = new Map<string, string>() // unit id → person id

  for (const unit of leaderUnits) {
    const name = names[next++] as string
    const id = `person-leader-${unit.id.slice('unit-'.length)}`
    people.push({ id, name, email: `leder.${slugify(name)}@demo.dk` })
    leaderOf.set(unit.id, id)
  }
  for (const area of AREAS) {
    const name = names[next++] as string
    const id = `person-oc-${area.slug}`
    people.push({ id, name, email: `oc.${area.slug}@demo.dk` })
    roles.push({ id: `role-oc-${area.slug}`, personId: id, role: 'area_chief', unitId: null, areaId: area.id })
    if (area.slug === OC_LEADER_AREA) leaderOf.set(ocLed, id)
  }
  for (const [child, parent] of partnerOf) leaderOf.set(child, leaderOf.get(parent) as string)
  for (const unit of UNITS) {
    const personId = leaderOf.get(unit.id) as string
    roles.push({ id: `role-leader-${unit.id}`, personId, role: 'leader', unitId: unit.id, areaId: null })
  }
  people.push({ id: 'person-direktion', name: names[next++] as string, email: 'direktion@demo.dk' })
  roles.push({ id: 'role-direktion', personId: 'person-direktion', role: 'directorate', unitId: null, areaId: null })
  people.push({ id: 'person-oekonomi', name: names[next++] as string, email: 'oekonomi@demo.dk' })
  roles.push({ id: 'role-oekonomi', personId: 'person-oekonomi', role: 'economics', unitId: null, areaId: null })
  return { people, roles }
}

export const { people: PEOPLE, roles: ROLES } = makePeople()

/** The person who leads a unit (and writes its forecasts and action plan). */
export function leaderIdOf(unitId: string): string {
  const role = ROLES.find((r) => r.role === 'leader' && r.unitId === unitId)
  if (!role) throw new Error(`No leader for ${unitId}`)
  return role.personId
}
