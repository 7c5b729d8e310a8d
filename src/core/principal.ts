// Who is asking: a person and what their roles reach, as plain data. The server builds it from the
// database (src/server/auth/scope.ts); the access policy (src/core/sync/access.ts) and every read
// check take it, so the rules themselves stay pure and testable on both sides.
import type { Role } from './types'

export interface RoleGrant {
  role: Role
  unitId: string | null
  areaId: string | null
}

export type ScopeLevel = 'unit' | 'area' | 'municipality'

export interface Principal {
  personId: string
  roles: RoleGrant[]
  /** Units this person may read; 'all' for the directorate and the economics data team. */
  unitIds: ReadonlySet<string> | 'all'
  /** Areas this person may read (their own as OC, the areas of their units as leader), or 'all'. */
  areaIds: ReadonlySet<string> | 'all'
  /** Municipalities this person belongs to (through any role), or 'all'. */
  municipalityIds: ReadonlySet<string> | 'all'
  /**
   * The units of the areas where this person is area chief. Deliberately never 'all': DOMAIN.md —
   * OC private notes are seen by the area chiefs of the unit's area alone, not by the directorate.
   */
  chiefUnits: ReadonlySet<string>
}

/** The ids at a scope level this person may read ('all' = no filter). */
export function readableIds(p: Principal, level: ScopeLevel): ReadonlySet<string> | 'all' {
  if (level === 'unit') return p.unitIds
  if (level === 'area') return p.areaIds
  return p.municipalityIds
}

export function mayReadScope(p: Principal, level: ScopeLevel, scopeId: string): boolean {
  const ids = readableIds(p, level)
  return ids === 'all' || ids.has(scopeId)
}

/** Directorate and economics reach every scope; nobody else reaches 'all'. */
const reachesAll = (role: Role) => role === 'directorate' || role === 'economics'

/** The economics data team alone imports the finance system's data and configures the municipality (DOMAIN.md). */
export function mayManageData(p: Principal): boolean {
  return p.roles.some((g) => g.role === 'economics')
}

/** The roles this person holds with respect to one scope id: leader of that unit, area chief over it, … */
export function rolesAt(p: Principal, level: ScopeLevel, scopeId: string): Set<Role> {
  const roles = new Set<Role>()
  for (const g of p.roles) {
    if (reachesAll(g.role)) roles.add(g.role)
    else if (level === 'municipality') {
      if (mayReadScope(p, level, scopeId)) roles.add(g.role)
    } else if (g.role === 'leader' && level === 'unit' && g.unitId === scopeId) roles.add('leader')
    else if (g.role === 'area_chief' && level === 'area' && g.areaId === scopeId) roles.add('area_chief')
  }
  if (level === 'unit' && p.chiefUnits.has(scopeId)) roles.add('area_chief')
  return roles
}

/** The scope ids where this person holds one of `roles` ('all' when a role reaches everything). */
export function idsWithRole(p: Principal, level: ScopeLevel, roles: readonly Role[]): ReadonlySet<string> | 'all' {
  if (p.roles.some((g) => reachesAll(g.role) && roles.includes(g.role))) return 'all'
  const ids = new Set<string>()
  for (const g of p.roles) {
    if (!roles.includes(g.role)) continue
    if (level === 'municipality') {
      const all = readableIds(p, level)
      if (all !== 'all') for (const id of all) ids.add(id)
    } else if (g.role === 'leader' && level === 'unit' && g.unitId) ids.add(g.unitId)
    else if (g.role === 'area_chief' && level === 'area' && g.areaId) ids.add(g.areaId)
  }
  if (level === 'unit' && roles.includes('area_chief')) for (const id of p.chiefUnits) ids.add(id)
  return ids
}

/**
 * What a device knows of the signed-in person (the shape of /api/me): their roles and the units and
 * areas in their scope, as the server's scope check (server/auth/scope.ts) worked them out.
 */
export interface SignedInPerson {
  person: { id: string }
  roles: ReadonlyArray<{ role: Role; unitId?: string; areaId?: string }>
  units: ReadonlyArray<{ id: string; areaId: string }>
  areas: ReadonlyArray<{ id: string; municipalityId?: string }>
}

/**
 * The principal of the signed-in person on a device, so that the device asks the same access
 * policy (sync/access.ts) as the server — to show a field read-only, say — rather than decide by
 * role on its own. The same reach as the server's: every scope for the directorate and the
 * economics team, otherwise the units and areas the server listed; the chief's units are those of
 * their own areas.
 */
export function principalOf(me: SignedInPerson): Principal {
  const roles: RoleGrant[] = me.roles.map((r) => ({ role: r.role, unitId: r.unitId ?? null, areaId: r.areaId ?? null }))
  const everything = roles.some((g) => reachesAll(g.role))
  const chiefAreas = new Set(roles.flatMap((g) => (g.role === 'area_chief' && g.areaId ? [g.areaId] : [])))
  return {
    personId: me.person.id,
    roles,
    unitIds: everything ? 'all' : new Set(me.units.map((u) => u.id)),
    areaIds: everything ? 'all' : new Set(me.areas.map((a) => a.id)),
    municipalityIds: everything ? 'all' : new Set(me.areas.flatMap((a) => (a.municipalityId ? [a.municipalityId] : []))),
    chiefUnits: new Set(me.units.filter((u) => chiefAreas.has(u.areaId)).map((u) => u.id)),
  }
}
