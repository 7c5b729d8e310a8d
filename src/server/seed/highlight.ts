// The handful of demo accounts worth trying first, for the README and the server console. Built
// from the same organisation as the data, so the list can never name someone who is not there;
// what a description promises of the dialogue chain (dialogues.ts) is checked by seedDialogues.test.
import type { Role } from '../../core/types'
import { AREAS, DESIGNS, UNITS } from './org'
import { PEOPLE, ROLES } from './people'

export interface HighlightAccount {
  email: string
  name: string
  role: Role
  /** Danish: what this account shows. */
  description: string
}

function person(id: string): { email: string; name: string } {
  const p = PEOPLE.find((x) => x.id === id)
  if (!p) throw new Error(`No demo person ${id}`)
  return { email: p.email, name: p.name }
}

const unitName = (id: string | null): string => UNITS.find((u) => u.id === id)?.name ?? ''

function makeHighlights(): HighlightAccount[] {
  const leaderRoles = ROLES.filter((r) => r.role === 'leader')
  const unitsOf = (personId: string) => leaderRoles.filter((r) => r.personId === personId).map((r) => r.unitId)

  const dominant = DESIGNS.find((d) => d.dominant)
  const redLeader = leaderRoles.find((r) => r.unitId === dominant?.unitId)
  const twoUnits = leaderRoles.find((r) => r.personId.startsWith('person-leader-') && unitsOf(r.personId).length === 2)
  const list: HighlightAccount[] = []
  if (redLeader) {
    list.push({
      ...person(redLeader.personId),
      role: 'leader',
      description: `Leder af ${unitName(redLeader.unitId)}: rødt budget, der fylder mest i områdets overskridelse, og en udviklingsplan, der venter på din kvittering`,
    })
  }
  if (twoUnits) {
    list.push({
      ...person(twoUnits.personId),
      role: 'leader',
      description: `Leder af to enheder: ${unitsOf(twoUnits.personId).map(unitName).join(' og ')}`,
    })
  }
  for (const area of AREAS) {
    const id = `person-oc-${area.slug}`
    const led = unitsOf(id).map(unitName)
    list.push({
      ...person(id),
      role: 'area_chief',
      description: `Områdechef for ${area.name}${led.length ? ` og leder af ${led.join(' og ')}` : ''}: dialoger, opfølgninger (én denne måned, én overskredet), udviklingsplan, best practice og særlig enhed`,
    })
  }
  list.push({ ...person('person-direktion'), role: 'directorate', description: 'Direktionen: alle områder og enheder' })
  list.push({ ...person('person-oekonomi'), role: 'economics', description: 'Økonomi-datateamet: import, måltal og tværgående rapport' })
  return list
}

export const DEMO_ACCOUNTS_HIGHLIGHT: readonly HighlightAccount[] = makeHighlights()
