// Units and areas. `ids` null means every unit (the caller's scope decided that).
import type { UnitType } from '../../core/types'
import type { Db } from '../db/db'

export interface UnitRow {
  id: string
  name: string
  unitType: UnitType
  areaId: string
  areaName: string
  municipalityId: string
  costCentre: string
  ean: string
  economicsContact: { name: string; email: string; phone: string }
}

interface RawUnit {
  id: string
  name: string
  unit_type: UnitType
  area_id: string
  area_name: string
  municipality_id: string
  cost_centre: string
  ean: string
  economics_contact: Record<string, unknown> | null
}

const SELECT_UNIT = `select u.id, u.name, u.unit_type, u.area_id, a.name as area_name, a.municipality_id,
                            u.cost_centre, u.ean, u.economics_contact
                       from unit u join area a on a.id = u.area_id`

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function toUnit(r: RawUnit): UnitRow {
  const c = r.economics_contact ?? {}
  return {
    id: r.id,
    name: r.name,
    unitType: r.unit_type,
    areaId: r.area_id,
    areaName: r.area_name,
    municipalityId: r.municipality_id,
    costCentre: r.cost_centre,
    ean: r.ean,
    economicsContact: { name: str(c.name), email: str(c.email), phone: str(c.phone) },
  }
}

export async function listUnits(db: Db, ids: string[] | null): Promise<UnitRow[]> {
  const rows =
    ids === null
      ? await db.query<RawUnit>(`${SELECT_UNIT} order by a.name, u.name`)
      : await db.query<RawUnit>(`${SELECT_UNIT} where u.id = any($1) order by a.name, u.name`, [ids])
  return rows.map(toUnit)
}

export async function getUnit(db: Db, id: string): Promise<UnitRow | null> {
  const rows = await db.query<RawUnit>(`${SELECT_UNIT} where u.id = $1`, [id])
  return rows[0] ? toUnit(rows[0]) : null
}

export async function listAreas(db: Db, ids: string[] | null): Promise<Array<{ id: string; name: string; municipalityId: string }>> {
  type Row = { id: string; name: string; municipality_id: string }
  const rows =
    ids === null
      ? await db.query<Row>('select id, name, municipality_id from area order by name')
      : await db.query<Row>('select id, name, municipality_id from area where id = any($1) order by name', [ids])
  return rows.map((r) => ({ id: r.id, name: r.name, municipalityId: r.municipality_id }))
}
