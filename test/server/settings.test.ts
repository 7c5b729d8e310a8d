// The municipality's settings through the HTTP API, on a fresh database: before any version the
// municipality's own row stands (its name, the installation's lock days, the cycle's defaults); a
// version from a later date is listed but not yet in force, and takes over on its day — the lock
// days the session tells the device and the push judges a dialogue's lock by included. A change
// may not begin before today or on a day that has one; every other role is answered "not found".
import { describe, expect, it } from 'vitest'
import { DEFAULT_CYCLE_DATES, type MunicipalitySettings } from '../../src/core/config/settings'
import type { SettingsEntry, SettingsList } from '../../src/core/http/config'
import type { IsoDate } from '../../src/core/types'
import { CSRF, get, signedInApp } from '../helpers/http'
import { IDS, PEOPLE, STARTING_SETTINGS } from '../helpers/fixtures'

let day: IsoDate = '2025-11-15'
const { t, c } = signedInApp({ eco: PEOPLE.economics, leaderA: PEOPLE.leaderA, oc: PEOPLE.ocNord, dir: PEOPLE.directorate }, { today: () => day })

const STARTING = STARTING_SETTINGS
const DECEMBER: MunicipalitySettings = {
  ...STARTING,
  economicsContact: { name: 'Økonomiafdelingen', email: 'oekonomi@testkommune.dk', phone: '70 10 20 30' },
  logoText: 'TESTKOMMUNE · Børn og Unge',
  hngName: 'Hovedudvalget for Nærdemokrati og Grundskole',
  buuName: 'Børne- og Uddannelsesudvalget',
  lockDays: 7,
  cycle: DEFAULT_CYCLE_DATES.map((e) => (e.id === 'focusAreaStatus' ? { ...e, month: 9, day: 15 } : e)),
}

const list = async () => (await get(t.app, '/api/config/settings', c.eco)).json<SettingsList>()
const post = (body: object, cookie = c.eco) => t.app.inject({ method: 'POST', url: '/api/config/settings', headers: { ...CSRF, cookie }, payload: body })
const sessionLockDays = async () => (await get(t.app, '/api/session', c.leaderA)).json<{ settings: { dialogueLockDays: number } }>().settings.dialogueLockDays

describe('the municipality’s settings', () => {
  it('before any version: the municipality’s own name, the installation’s lock days and the cycle’s defaults', async () => {
    expect(await list()).toEqual({ versions: [], inForce: STARTING, starting: STARTING, today: '2025-11-15' })
  })

  it('a version from 1 December is listed with who made it, and is not in force before its day', async () => {
    const res = await post({ effectiveFrom: '2025-12-01', settings: DECEMBER })
    expect(res.statusCode).toBe(201)
    expect(res.json<SettingsEntry>()).toMatchObject({ effectiveFrom: '2025-12-01', settings: DECEMBER, createdByName: PEOPLE.economics.name })
    const l = await list()
    expect(l.versions.map((v) => v.effectiveFrom)).toEqual(['2025-12-01'])
    expect(l.inForce).toEqual(STARTING)
    expect(await sessionLockDays()).toBe(14)
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where table_name = 'municipality_settings'`)
    expect(audit).toEqual([{ action: 'config.create' }])
  })

  it('is in force from its day: the lock days and the logo text the devices are told change with it', async () => {
    day = '2025-12-01'
    expect((await list()).inForce).toEqual(DECEMBER)
    expect(await sessionLockDays()).toBe(7)
    // The logo text that heads what is printed, as every device learns it.
    expect((await get(t.app, '/api/me', c.leaderA)).json<{ municipality: unknown }>().municipality).toEqual({
      id: IDS.municipality,
      name: 'Testkommune',
      logoText: 'TESTKOMMUNE · Børn og Unge',
      indicatorsOff: [],
    })
  })

  it('a unit without an economics contact of its own shows the municipality’s; one with its own keeps it', async () => {
    await t.db.query(`update unit set economics_contact = '{}'::jsonb where id = $1`, [IDS.unitB])
    const contactOf = async (unitId: string) =>
      (await get(t.app, `/api/units/${unitId}`, c.dir)).json<{ unit: { economicsContact: unknown } }>().unit.economicsContact
    expect(await contactOf(IDS.unitB)).toEqual(DECEMBER.economicsContact)
    expect(await contactOf(IDS.unitA)).toEqual({ name: 'Økonomi Øst', email: 'oekonomi@test.dk', phone: '11 22 33 44' })
  })

  it.each<[string, object, number, string, string]>([
    ['a date before today', { effectiveFrom: '2025-11-30', settings: DECEMBER }, 422, 'effectiveFrom', 'En ændring kan tidligst gælde fra i dag (01.12.2025).'],
    [
      'a day that has a version',
      { effectiveFrom: '2025-12-01', settings: DECEMBER },
      422,
      'effectiveFrom',
      'Der er allerede en ændring fra 01.12.2025. Vælg en anden dato.',
    ],
    [
      'no lock days',
      { effectiveFrom: '2026-01-01', settings: { ...DECEMBER, lockDays: 0 } },
      400,
      'settings.lockDays',
      'Referatet skal kunne rettes mindst 1 dag.',
    ],
    [
      '30 February in the cycle',
      {
        effectiveFrom: '2026-01-01',
        settings: { ...DECEMBER, cycle: DEFAULT_CYCLE_DATES.map((e) => (e.id === 'ownInitiatives' ? { ...e, month: 2, day: 30 } : e)) },
      },
      400,
      'settings.cycle.6.day',
      'Den dag findes ikke i den måned hvert år.',
    ],
    ['an empty name', { effectiveFrom: '2026-01-01', settings: { ...DECEMBER, hngName: '  ' } }, 400, 'settings.hngName', 'Navnet på HNG må ikke være tom.'],
  ])('refuses %s, saying which field and why', async (_, body, status, path, message) => {
    const res = await post(body)
    expect(res.statusCode).toBe(status)
    expect(res.json<{ details: unknown[] }>().details).toEqual([{ path, message }])
    expect((await list()).versions).toHaveLength(1)
  })

  it('is the economics team’s alone: everyone else is answered "not found"', async () => {
    for (const cookie of [c.leaderA, c.oc, c.dir]) {
      expect((await get(t.app, '/api/config/settings', cookie)).statusCode).toBe(404)
      expect((await post({ effectiveFrom: '2026-02-01', settings: DECEMBER }, cookie)).statusCode).toBe(404)
    }
    expect((await list()).versions).toHaveLength(1)
  })
})
