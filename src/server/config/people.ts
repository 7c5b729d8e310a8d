// People and their roles, kept by the economics team: listed, made, changed (the roles replaced
// whole), deactivated — their sessions end at once and they cannot sign in — and let in again; and
// a one-time link to choose a password, valid for three days, whose token only its sha256 keeps.
// Each change is checked by core's rules and written with its audit row.
import { randomBytes, randomUUID } from 'node:crypto'
import { distinctGrants, personChangeIssues, type PersonInput, type PersonIssue } from '../../core/config/people'
import type { PeopleList, PersonEntry, ResetLink } from '../../core/http/people'
import type { Role } from '../../core/types'
import { hashPassword } from '../auth/passwords'
import { endSessionsOf, hashToken } from '../auth/sessions'
import type { Db } from '../db/db'

const RESET_DAYS = 3
const DAY_MS = 24 * 60 * 60 * 1000

export async function listPeople(db: Db): Promise<PeopleList> {
  const [people, roles, units, areas] = await Promise.all([
    db.query<{ id: string; name: string; email: string; active: boolean; has_password: boolean }>(
      'select id, name, email, deactivated_at is null as active, password_hash is not null as has_password from person',
    ),
    db.query<{ person_id: string; role: Role; unit_id: string | null; area_id: string | null }>(
      'select person_id, role, unit_id, area_id from role_assignment',
    ),
    db.query<{ id: string; name: string; area_id: string }>('select id, name, area_id from unit'),
    db.query<{ id: string; name: string }>('select id, name from area'),
  ])
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name, 'da'))
  return {
    people: byName(
      people.map<PersonEntry>((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        active: p.active,
        hasPassword: p.has_password,
        roles: roles.filter((r) => r.person_id === p.id).map((r) => ({ role: r.role, unitId: r.unit_id, areaId: r.area_id })),
      })),
    ),
    units: byName(units.map((u) => ({ id: u.id, name: u.name, areaId: u.area_id }))),
    areas: byName(areas),
  }
}

async function entryOf(db: Db, personId: string): Promise<PersonEntry | null> {
  return (await listPeople(db)).people.find((p) => p.id === personId) ?? null
}

export type PersonOutcome = { ok: true; person: PersonEntry } | { ok: false; issues: PersonIssue[] } | { ok: false; notFound: true }

async function audit(tx: Db, by: string, action: string, personId: string, oldValue: unknown, newValue: unknown): Promise<void> {
  await tx.query(
    `insert into audit_log (person_id, action, table_name, record_id, old_value, new_value, device_id, mutation_id)
     values ($1, $2, 'person', $3, $4::jsonb, $5::jsonb, 'config', $6)`,
    [by, action, personId, JSON.stringify(oldValue), JSON.stringify(newValue), randomUUID()],
  )
}

/** Makes the person (personId null) or changes them, the roles replaced by the given ones. */
export function savePerson(db: Db, by: string, personId: string | null, input: PersonInput): Promise<PersonOutcome> {
  return db.transaction(async (tx): Promise<PersonOutcome> => {
    const before = personId === null ? null : await entryOf(tx, personId)
    if (personId !== null && !before) return { ok: false, notFound: true }
    const others = await tx.query<{ email: string }>('select lower(email) as email from person where id <> $1', [personId ?? ''])
    const issues = personChangeIssues(input, { by, personId, otherEmails: new Set(others.map((o) => o.email)) })
    if (issues.length > 0) return { ok: false, issues }
    const id = personId ?? `p-${randomUUID()}`
    const email = input.email.trim().toLowerCase()
    const name = input.name.trim()
    await tx.query(`insert into person (id, email, name) values ($1, $2, $3) on conflict (id) do update set email = excluded.email, name = excluded.name`, [
      id,
      email,
      name,
    ])
    await tx.query('delete from role_assignment where person_id = $1', [id])
    const roles = distinctGrants(input.roles)
    if (roles.length > 0) {
      await tx.query(
        `insert into role_assignment (id, person_id, role, unit_id, area_id)
         select 'ra-' || gen_random_uuid(), $1, x.role, x.unit_id, x.area_id
           from jsonb_to_recordset($2::jsonb) as x(role text, unit_id text, area_id text)`,
        [id, JSON.stringify(roles.map((g) => ({ role: g.role, unit_id: g.unitId, area_id: g.areaId })))],
      )
    }
    const after = (await entryOf(tx, id))!
    await audit(tx, by, before ? 'people.update' : 'people.create', id, before, after)
    return { ok: true, person: after }
  })
}

/** Deactivates (their sessions end at once) or lets in again. */
export async function setActive(db: Db, by: string, personId: string, active: boolean): Promise<PersonOutcome> {
  const outcome = await db.transaction(async (tx): Promise<PersonOutcome> => {
    const before = await entryOf(tx, personId)
    if (!before) return { ok: false, notFound: true }
    if (!active && personId === by) return { ok: false, issues: [{ field: 'name', message: 'Du kan ikke deaktivere dig selv. Bed en kollega om det.' }] }
    await tx.query(`update person set deactivated_at = ${active ? 'null' : 'coalesce(deactivated_at, now())'} where id = $1`, [personId])
    if (!active) await tx.query('update password_reset set used_at = now() where person_id = $1 and used_at is null', [personId])
    const after = (await entryOf(tx, personId))!
    await audit(tx, by, active ? 'people.reactivate' : 'people.deactivate', personId, before, after)
    return { ok: true, person: after }
  })
  // On the database itself, not the transaction: the sessions' cache belongs to it (auth/sessions.ts).
  if (outcome.ok && !active) await endSessionsOf(db, personId)
  return outcome
}

/** A new one-time link for the person to choose a password; earlier unused links stop working. */
export function makeResetLink(db: Db, by: string, personId: string): Promise<ResetLink | null> {
  return db.transaction(async (tx) => {
    const person = await entryOf(tx, personId)
    if (!person || !person.active) return null
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(Date.now() + RESET_DAYS * DAY_MS).toISOString()
    await tx.query('update password_reset set used_at = now() where person_id = $1 and used_at is null', [personId])
    await tx.query('insert into password_reset (token_hash, person_id, created_by, expires_at) values ($1, $2, $3, $4)', [
      hashToken(token),
      personId,
      by,
      expiresAt,
    ])
    await audit(tx, by, 'people.resetLink', personId, null, { expiresAt })
    return { path: `/logind#nulstil=${token}`, expiresAt }
  })
}

/** Sets the password of the link's person, once; false when the link is unknown, used, expired or its person deactivated. */
export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
  const personId = await db.transaction(async (tx) => {
    const rows = await tx.query<{ person_id: string }>(
      `select r.person_id from password_reset r join person p on p.id = r.person_id
        where r.token_hash = $1 and r.used_at is null and r.expires_at > now() and p.deactivated_at is null for update of r`,
      [hashToken(token)],
    )
    const found = rows[0]?.person_id
    if (!found) return null
    await tx.query('update password_reset set used_at = now() where token_hash = $1', [hashToken(token)])
    await tx.query('update person set password_hash = $2 where id = $1', [found, await hashPassword(password)])
    await audit(tx, found, 'people.passwordChosen', found, null, null)
    return found
  })
  // A new password ends the sessions made with the old one.
  if (personId) await endSessionsOf(db, personId)
  return personId !== null
}
