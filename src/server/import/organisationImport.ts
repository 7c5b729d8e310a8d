// The plan of an organisation file: its units compared with what the app has — a new unit or area
// made, a changed one updated — and its leaders and area chiefs made people (by e-mail) and given
// their roles. A unit the file leaves out stays as it is: an export of part of the municipality
// removes nothing. An existing unit may move only to an area the app knows, so a misspelt area name
// is an error rather than a new area that takes the unit from its area chief. New people have no
// password yet (README: people and roles). All of it in the import's transaction, with audit rows.
import { randomUUID } from 'node:crypto'
import { readRows, type ImportIssue } from '../../core/import/rows'
import { areaKey, organisationLines, type OrganisationLine, type PersonLine } from '../../core/import/organisation'
import type { UnitType } from '../../core/types'
import type { Db } from '../db/db'
import { theMunicipality } from '../repos/municipality'
import { auditImport, IMPORT_ACTION } from './changes'
import type { ImportPlan } from './run'
import type { Source } from './source'

interface StoredUnit {
  id: string
  name: string
  unitType: UnitType
  costCentre: string
  ean: string
  areaId: string
  contact: Contact
}

interface Contact {
  name: string
  email: string
  phone: string
}

interface Stored {
  units: Map<string, StoredUnit>
  areas: Map<string, { id: string; name: string }>
  people: Map<string, { id: string; name: string }>
  leaders: Map<string, string[]>
  chiefs: Map<string, string[]>
}

async function stored(db: Db): Promise<Stored> {
  const [units, areas, people, roles] = await Promise.all([
    db.query<{ id: string; name: string; unit_type: UnitType; cost_centre: string; ean: string; area_id: string; economics_contact: Partial<Contact> }>(
      'select id, name, unit_type, cost_centre, ean, area_id, economics_contact from unit',
    ),
    db.query<{ id: string; name: string }>('select id, name from area'),
    db.query<{ id: string; name: string; email: string }>('select id, name, lower(email) as email from person'),
    db.query<{ role: string; person_id: string; unit_id: string | null; area_id: string | null }>(
      `select role, person_id, unit_id, area_id from role_assignment where role in ('leader', 'area_chief')`,
    ),
  ])
  const group = (role: string, key: 'unit_id' | 'area_id') => {
    const map = new Map<string, string[]>()
    for (const r of roles.filter((x) => x.role === role)) map.set(r[key]!, [...(map.get(r[key]!) ?? []), r.person_id])
    return map
  }
  return {
    units: new Map(
      units.map((u) => [
        u.cost_centre,
        {
          id: u.id,
          name: u.name,
          unitType: u.unit_type,
          costCentre: u.cost_centre,
          ean: u.ean,
          areaId: u.area_id,
          contact: { name: '', email: '', phone: '', ...u.economics_contact },
        },
      ]),
    ),
    areas: new Map(areas.map((a) => [areaKey(a.name), a])),
    people: new Map(people.map((p) => [p.email, { id: p.id, name: p.name }])),
    leaders: group('leader', 'unit_id'),
    chiefs: group('area_chief', 'area_id'),
  }
}

interface UnitChange {
  change: 'new' | 'changed' | 'unchanged'
  line: OrganisationLine
  unitId: string
  areaId: string
  before: StoredUnit | null
}

interface Plan {
  units: UnitChange[]
  newAreas: Map<string, { id: string; name: string; types: Set<UnitType> }>
  people: Map<string, { id: string; name: string; change: 'new' | 'changed' | 'unchanged' }>
  issues: ImportIssue[]
}

const sameContact = (a: Contact, b: Contact) => a.name === b.name && a.email === b.email && a.phone === b.phone

function plan(lines: readonly OrganisationLine[], db: Stored): Plan {
  const issues: ImportIssue[] = []
  const newAreas: Plan['newAreas'] = new Map()
  const people: Plan['people'] = new Map()
  const personId = (p: PersonLine) => {
    const known = db.people.get(p.email)
    const entry = people.get(p.email) ?? {
      id: known?.id ?? `p-${randomUUID()}`,
      name: p.name,
      change: known ? (known.name === p.name ? 'unchanged' : 'changed') : 'new',
    }
    people.set(p.email, entry)
    return entry.id
  }
  const units: UnitChange[] = []
  for (const line of lines) {
    const before = db.units.get(line.costCentre) ?? null
    const key = areaKey(line.area)
    let area = db.areas.get(key) ?? newAreas.get(key)
    if (!area) {
      if (before) {
        issues.push({
          line: line.line,
          column: null,
          value: line.area,
          message: `Linje ${line.line}: enheden ${before.name} flyttes til området ${line.area}, som appen ikke kender. Er navnet stavet rigtigt?`,
        })
        continue
      }
      const made = { id: `area-${randomUUID()}`, name: line.area, types: new Set<UnitType>() }
      newAreas.set(key, made)
      area = made
    }
    newAreas.get(key)?.types.add(line.unitType)
    const leaderId = line.leader ? personId(line.leader) : null
    const chiefId = line.chief ? personId(line.chief) : null
    const unitId = before?.id ?? `unit-${randomUUID()}`
    const same =
      before !== null &&
      before.name === line.unitName &&
      before.unitType === line.unitType &&
      before.ean === line.ean &&
      before.areaId === area.id &&
      (line.contact === null || sameContact(before.contact, line.contact)) &&
      (leaderId === null || (db.leaders.get(unitId) ?? []).join() === leaderId) &&
      (chiefId === null || (db.chiefs.get(area.id) ?? []).join() === chiefId)
    units.push({ change: before === null ? 'new' : same ? 'unchanged' : 'changed', line, unitId, areaId: area.id, before })
  }
  return { units, newAreas, people, issues }
}

/** The leaders and area chiefs the file names replace the ones the app has, unit by unit and area by area. */
async function writeRoles(tx: Db, p: Plan): Promise<void> {
  const leaders = p.units.filter((u) => u.line.leader).map((u) => ({ scope: u.unitId, person: p.people.get(u.line.leader!.email)!.id }))
  const chiefs = [...new Map(p.units.filter((u) => u.line.chief).map((u) => [u.areaId, p.people.get(u.line.chief!.email)!.id]))].map(([scope, person]) => ({
    scope,
    person,
  }))
  for (const [role, column, given] of [
    ['leader', 'unit_id', leaders],
    ['area_chief', 'area_id', chiefs],
  ] as const) {
    if (given.length === 0) continue
    await tx.query(
      `delete from role_assignment r using jsonb_to_recordset($1::jsonb) as x(scope text, person text)
        where r.role = $2 and r.${column} = x.scope and r.person_id <> x.person`,
      [JSON.stringify(given), role],
    )
    await tx.query(
      `insert into role_assignment (id, person_id, role, ${column})
       select 'ra-' || gen_random_uuid(), x.person, $2, x.scope from jsonb_to_recordset($1::jsonb) as x(scope text, person text)
        where not exists (select 1 from role_assignment r where r.role = $2 and r.${column} = x.scope and r.person_id = x.person)`,
      [JSON.stringify(given), role],
    )
  }
}

async function write(tx: Db, p: Plan, personId: string, importId: string): Promise<void> {
  const municipality = await theMunicipality(tx)
  if (!municipality) throw new Error('no municipality to import the organisation into')
  const kindOf = (types: Set<UnitType>) => (types.size === 1 ? [...types][0]! : 'mixed')
  const areas = [...p.newAreas.values()].map((a) => ({ id: a.id, name: a.name, kind: kindOf(a.types) }))
  if (areas.length > 0) {
    await tx.query(
      `insert into area (id, municipality_id, name, kind) select x.id, $2, x.name, x.kind from jsonb_to_recordset($1::jsonb) as x(id text, name text, kind text)`,
      [JSON.stringify(areas), municipality.id],
    )
  }
  const people = [...p.people].filter(([, e]) => e.change !== 'unchanged').map(([email, e]) => ({ id: e.id, email, name: e.name }))
  if (people.length > 0) {
    await tx.query(
      `insert into person (id, email, name) select x.id, x.email, x.name from jsonb_to_recordset($1::jsonb) as x(id text, email text, name text)
       on conflict (id) do update set name = excluded.name`,
      [JSON.stringify(people)],
    )
  }
  const units = p.units
    .filter((u) => u.change !== 'unchanged')
    .map((u) => ({
      id: u.unitId,
      area_id: u.areaId,
      name: u.line.unitName,
      unit_type: u.line.unitType,
      cost_centre: u.line.costCentre,
      ean: u.line.ean,
      // A line without a contact keeps the unit's (a new unit then has none: the municipality's helps).
      contact: u.line.contact ?? u.before?.contact ?? {},
    }))
  if (units.length > 0) {
    await tx.query(
      `insert into unit (id, area_id, name, unit_type, cost_centre, ean, economics_contact)
       select x.id, x.area_id, x.name, x.unit_type, x.cost_centre, x.ean, x.contact
         from jsonb_to_recordset($1::jsonb) as x(id text, area_id text, name text, unit_type text, cost_centre text, ean text, contact jsonb)
       on conflict (id) do update set area_id = excluded.area_id, name = excluded.name, unit_type = excluded.unit_type, ean = excluded.ean,
         economics_contact = excluded.economics_contact`,
      [JSON.stringify(units)],
    )
  }
  await writeRoles(tx, p)
  const action = (change: 'new' | 'changed') => IMPORT_ACTION[change]
  await auditImport(
    tx,
    [
      ...areas.map((a) => ({ action: action('new'), table: 'area', recordId: a.id, oldValue: null, newValue: a })),
      ...people.map((x) => ({
        action: action(p.people.get(x.email)!.change === 'new' ? 'new' : 'changed'),
        table: 'person',
        recordId: x.id,
        oldValue: null,
        newValue: x,
      })),
      ...p.units
        .filter((u) => u.change !== 'unchanged')
        .map((u) => ({ action: action(u.change === 'new' ? 'new' : 'changed'), table: 'unit', recordId: u.unitId, oldValue: u.before, newValue: u.line })),
    ],
    personId,
    importId,
  )
}

export async function planOrganisationImport(db: Db, source: Source): Promise<ImportPlan> {
  const read = readRows('organisation', source.table, source.mapping, source.scale)
  const checked = organisationLines(read.rows)
  const p = plan(checked.lines, await stored(db))
  const count = (c: UnitChange['change']) => p.units.filter((u) => u.change === c).length
  return {
    rows: p.units
      .map((u) => ({
        unitName: u.line.unitName,
        costCentre: u.line.costCentre,
        label: u.line.area,
        values: {
          unitType: u.line.unitType,
          ean: u.line.ean,
          leader: u.line.leader?.name ?? null,
          leaderEmail: u.line.leader?.email ?? null,
          chief: u.line.chief?.name ?? null,
          chiefEmail: u.line.chief?.email ?? null,
          contact: u.line.contact?.name ?? null,
          contactEmail: u.line.contact?.email ?? null,
          contactPhone: u.line.contact?.phone || null,
        },
        sourceLines: 1,
        change: u.change,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'da') || a.unitName.localeCompare(b.unitName, 'da')),
    counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), removed: 0 },
    lines: read.lines,
    leftOut: 0,
    issues: [...read.issues, ...checked.issues, ...p.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    changedUnits: new Set(p.units.filter((u) => u.change !== 'unchanged').map((u) => u.unitId)),
    write: (tx, personId, importId) => write(tx, p, personId, importId),
  }
}
