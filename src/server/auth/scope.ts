// The one place that decides what a person may read. Every unit route, the sync pull and push ask
// this module for the person's principal (src/core/principal.ts: who they are and what their roles
// reach); nothing else interprets roles. A person may hold several roles: the scope is the union
// of what each role allows.
import type { Principal, RoleGrant } from '../../core/principal'
import type { Role } from '../../core/types'
import type { Db } from '../db/db'

/** The principal under the name the routes have always used. */
export type Scope = Principal

export async function scopeFor(db: Db, personId: string): Promise<Scope> {
  const roles = await db.query<{ role: Role; unit_id: string | null; area_id: string | null }>(
    'select role, unit_id, area_id from role_assignment where person_id = $1 order by role, unit_id, area_id',
    [personId],
  )
  const grants: RoleGrant[] = roles.map((r) => ({ role: r.role, unitId: r.unit_id, areaId: r.area_id }))
  const everything = grants.some((g) => g.role === 'directorate' || g.role === 'economics')

  const chiefAreas = grants.flatMap((g) => (g.role === 'area_chief' && g.areaId ? [g.areaId] : []))
  const ledUnits = grants.flatMap((g) => (g.role === 'leader' && g.unitId ? [g.unitId] : []))

  // One query for both: the units of the chief's areas, and the led units with their areas.
  const units =
    chiefAreas.length || ledUnits.length
      ? await db.query<{ id: string; area_id: string; municipality_id: string; chief: boolean }>(
          `select u.id, u.area_id, a.municipality_id, u.area_id = any($1) as chief
         from unit u join area a on a.id = u.area_id where u.area_id = any($1) or u.id = any($2)`,
          [chiefAreas, ledUnits],
        )
      : []
  const ocUnits = new Set(units.filter((u) => u.chief).map((u) => u.id))
  return {
    personId,
    roles: grants,
    unitIds: everything ? 'all' : new Set([...ledUnits, ...ocUnits]),
    areaIds: everything ? 'all' : new Set([...chiefAreas, ...units.filter((u) => ledUnits.includes(u.id)).map((u) => u.area_id)]),
    municipalityIds: everything ? 'all' : new Set(units.map((u) => u.municipality_id)),
    chiefUnits: ocUnits,
  }
}

export function canReadUnit(scope: Scope, unitId: string): boolean {
  return scope.unitIds === 'all' || scope.unitIds.has(unitId)
}

export function canReadPrivateOcNotes(scope: Scope, unitId: string): boolean {
  return scope.chiefUnits.has(unitId)
}

/** SQL filter helper: null means "no filter" (every unit), otherwise the list of unit ids. */
export function unitFilter(scope: Scope): string[] | null {
  return scope.unitIds === 'all' ? null : [...scope.unitIds]
}
