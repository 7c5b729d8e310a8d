// The one place that decides what a person may read. Every unit route (and later sync pull and
// push, exports) asks this module; nothing else interprets roles. A person may hold several roles:
// the scope is the union of what each role allows.
import type { Role } from '../../core/types'
import type { Db } from '../db/db'

export interface RoleGrant {
  role: Role
  unitId: string | null
  areaId: string | null
}

export interface Scope {
  personId: string
  roles: RoleGrant[]
  /** Units this person may read; 'all' for the directorate and the economics data team. */
  unitIds: ReadonlySet<string> | 'all'
  /** Areas this person may read (their own as OC, the areas of their units as leader), or 'all'. */
  areaIds: ReadonlySet<string> | 'all'
  /**
   * Units whose OC private notes this person may read: only the units of the areas where they are
   * area chief. Deliberately NOT 'all' for directorate or economics — DOMAIN.md: OC private notes
   * are never seen by the leader nor the directorate. Use canReadPrivateOcNotes().
   */
  seesPrivateOcNotes: ReadonlySet<string>
}

export async function scopeFor(db: Db, personId: string): Promise<Scope> {
  const roles = await db.query<{ role: Role; unit_id: string | null; area_id: string | null }>(
    'select role, unit_id, area_id from role_assignment where person_id = $1 order by role, unit_id, area_id',
    [personId],
  )
  const grants: RoleGrant[] = roles.map((r) => ({ role: r.role, unitId: r.unit_id, areaId: r.area_id }))
  const everything = grants.some((g) => g.role === 'directorate' || g.role === 'economics')

  const chiefAreas = grants.flatMap((g) => (g.role === 'area_chief' && g.areaId ? [g.areaId] : []))
  const ledUnits = grants.flatMap((g) => (g.role === 'leader' && g.unitId ? [g.unitId] : []))

  const areaUnits = chiefAreas.length
    ? await db.query<{ id: string; area_id: string }>('select id, area_id from unit where area_id = any($1)', [chiefAreas])
    : []
  const ledUnitAreas = ledUnits.length
    ? await db.query<{ id: string; area_id: string }>('select id, area_id from unit where id = any($1)', [ledUnits])
    : []

  const ocUnits = new Set(areaUnits.map((u) => u.id))
  return {
    personId,
    roles: grants,
    unitIds: everything ? 'all' : new Set([...ledUnits, ...ocUnits]),
    areaIds: everything ? 'all' : new Set([...chiefAreas, ...ledUnitAreas.map((u) => u.area_id)]),
    seesPrivateOcNotes: ocUnits,
  }
}

export function canReadUnit(scope: Scope, unitId: string): boolean {
  return scope.unitIds === 'all' || scope.unitIds.has(unitId)
}

export function canReadArea(scope: Scope, areaId: string): boolean {
  return scope.areaIds === 'all' || scope.areaIds.has(areaId)
}

export function canReadPrivateOcNotes(scope: Scope, unitId: string): boolean {
  return scope.seesPrivateOcNotes.has(unitId)
}

/** SQL filter helper: null means "no filter" (every unit), otherwise the list of unit ids. */
export function unitFilter(scope: Scope): string[] | null {
  return scope.unitIds === 'all' ? null : [...scope.unitIds]
}
