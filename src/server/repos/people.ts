// People, their roles, and what /api/me and /api/demo/accounts show about them.
import type { Role } from '../../core/types'
import type { Db } from '../db/db'

export interface PersonWithHash {
  id: string
  name: string
  email: string
  passwordHash: string | null
}

export async function findPersonByEmail(db: Db, email: string): Promise<PersonWithHash | null> {
  const rows = await db.query<{ id: string; name: string; email: string; password_hash: string | null }>(
    // A deactivated person is no one to sign in as: the same answer as an unknown e-mail.
    'select id, name, email, password_hash from person where lower(email) = lower($1) and deactivated_at is null',
    [email.trim()],
  )
  const row = rows[0]
  return row ? { id: row.id, name: row.name, email: row.email, passwordHash: row.password_hash } : null
}

export interface RoleView {
  role: Role
  unitId?: string
  areaId?: string
}

export async function rolesOf(db: Db, personId: string): Promise<RoleView[]> {
  const rows = await db.query<{ role: Role; unit_id: string | null; area_id: string | null }>(
    'select role, unit_id, area_id from role_assignment where person_id = $1 order by role, unit_id, area_id',
    [personId],
  )
  return rows.map((r) => ({
    role: r.role,
    ...(r.unit_id ? { unitId: r.unit_id } : {}),
    ...(r.area_id ? { areaId: r.area_id } : {}),
  }))
}

export interface DemoAccount {
  email: string
  name: string
  role: Role
  unitId?: string
  unitName?: string
  areaId?: string
  areaName?: string
}

const ROLE_ORDER = `case ra.role when 'directorate' then 0 when 'economics' then 1 when 'area_chief' then 2 else 3 end`

/** Every account with a role, for the demo login screen and the console at start. */
export async function demoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db.query<{
    email: string
    name: string
    role: Role
    unit_id: string | null
    unit_name: string | null
    area_id: string | null
    area_name: string | null
  }>(
    `select p.email, p.name, ra.role, u.id as unit_id, u.name as unit_name,
            coalesce(a.id, ua.id) as area_id, coalesce(a.name, ua.name) as area_name
       from role_assignment ra
       join person p on p.id = ra.person_id
       left join unit u on u.id = ra.unit_id
       left join area ua on ua.id = u.area_id
       left join area a on a.id = ra.area_id
      order by ${ROLE_ORDER}, coalesce(a.name, ua.name), u.name, p.email`,
  )
  return rows.map((r) => ({
    email: r.email,
    name: r.name,
    role: r.role,
    ...(r.unit_id ? { unitId: r.unit_id, unitName: r.unit_name ?? '' } : {}),
    ...(r.area_id ? { areaId: r.area_id, areaName: r.area_name ?? '' } : {}),
  }))
}
