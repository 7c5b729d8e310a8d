// An organisation file: one line per unit — its area, name, type, cost centre and EAN, its leader
// and area chief by name and e-mail, and its economics contact. Checked here on its own (a cost
// centre twice, a name without its e-mail, an area given two chiefs, an e-mail under two names),
// with the issue sentences of rows.ts; the database is compared in server/import/organisationImport.ts.
import type { UnitType } from '../types'
import { cellIssue, lineIssue, type ImportIssue, type ReadRow } from './rows'

export interface PersonLine {
  name: string
  /** Lower case: e-mail addresses are compared without case. */
  email: string
}

export interface OrganisationLine {
  line: number
  area: string
  unitName: string
  unitType: UnitType
  costCentre: string
  ean: string
  /** null: the file names no leader, and the unit's leaders stay as they are. */
  leader: PersonLine | null
  /** null: the file names no area chief on this line. */
  chief: PersonLine | null
  /** The unit's economics contact; null: the file names none, and the unit's stays as it is. */
  contact: (PersonLine & { phone: string }) | null
}

/** An area's name as compared: case and runs of spaces do not make another area. */
export const areaKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da')

function personOf(row: ReadRow, nameKey: string, emailKey: string, issues: ImportIssue[]): PersonLine | null | undefined {
  // A column the file does not have reads as blank.
  const name = (row.values[nameKey] as string | null | undefined) ?? null
  const email = (row.values[emailKey] as string | null | undefined) ?? null
  if (name === null && email === null) return null
  if (name !== null && email !== null) return { name, email }
  const [missing, given] = name === null ? [nameKey, emailKey] : [emailKey, nameKey]
  issues.push(lineIssue(row.line, `kolonne ${row.headers[missing] ?? missing} skal udfyldes, når kolonne ${row.headers[given]} er det.`))
  return undefined
}

export function organisationLines(rows: readonly ReadRow[]): { lines: OrganisationLine[]; issues: ImportIssue[] } {
  const lines: OrganisationLine[] = []
  const issues: ImportIssue[] = []
  const costCentres = new Map<string, number>()
  const chiefs = new Map<string, { email: string; line: number }>()
  const names = new Map<string, { name: string; line: number }>()
  for (const row of rows) {
    const costCentre = row.values.costCentre as string
    const first = costCentres.get(costCentre)
    if (first !== undefined) {
      issues.push(cellIssue(row.line, row.headers.costCentre!, row.cells.costCentre!, `står også i linje ${first}: én linje pr. enhed.`))
      continue
    }
    costCentres.set(costCentre, row.line)
    const leader = personOf(row, 'leader', 'leaderEmail', issues)
    const chief = personOf(row, 'chief', 'chiefEmail', issues)
    const contact = personOf(row, 'contact', 'contactEmail', issues)
    if (leader === undefined || chief === undefined || contact === undefined) continue
    const area = String(row.values.area)
    let ok = true
    if (chief) {
      const other = chiefs.get(areaKey(area))
      if (other && other.email !== chief.email) {
        issues.push(lineIssue(row.line, `området ${area} har en anden områdechef i linje ${other.line} (${other.email}).`))
        ok = false
      } else chiefs.set(areaKey(area), { email: chief.email, line: row.line })
    }
    for (const person of [leader, chief]) {
      if (!person) continue
      const seen = names.get(person.email)
      if (seen && seen.name !== person.name) {
        issues.push(lineIssue(row.line, `${person.email} hedder ${seen.name} i linje ${seen.line}, her ${person.name}.`))
        ok = false
      } else if (!seen) names.set(person.email, { name: person.name, line: row.line })
    }
    if (!ok) continue
    lines.push({
      line: row.line,
      area: area.trim().replace(/\s+/g, ' '),
      unitName: row.values.unit as string,
      unitType: row.values.unitType as UnitType,
      costCentre,
      ean: (row.values.ean as string | null) ?? '',
      leader,
      chief,
      contact: contact && { ...contact, phone: (row.values.contactPhone as string | null) ?? '' },
    })
  }
  return { lines, issues }
}
