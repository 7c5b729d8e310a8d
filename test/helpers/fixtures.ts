// A small municipality inserted straight into the database, independent of the demo seed:
// two areas, four units, one person per role (an area chief for each area), a year of figures and
// one general rule set.
//
//   area-nord: unit-skole-a (school), unit-dag-b (daycare), unit-skole-d (school)
//   area-syd:  unit-skole-c (school)
//
// Budget 10 mio. kr. each. Forecasts: A 10.5 mio. (red, overrun 0.5 mio.), B 9.9 mio. (green),
// C 10.05 mio. (yellow, 0.5 %), D 11 mio. (red, overrun 1 mio.).
import { hashPassword } from '../../src/server/auth/passwords'
import { DEFAULT_CYCLE_DATES, type MunicipalitySettings } from '../../src/core/config/settings'
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import type { Db } from '../../src/server/db/db'

export const TODAY = '2025-11-15'
export const PASSWORD = 'hemmelig-kode'

/** The settings that stand before the economics team has made any: the municipality's name, the installation's lock days and the cycle's defaults. */
export const STARTING_SETTINGS: MunicipalitySettings = {
  name: 'Testkommune',
  logoText: 'Testkommune',
  hngName: 'HNG',
  buuName: 'Børne- og Ungdomsudvalget',
  economicsContact: { name: 'Økonomiteamet', email: 'oekonomi@kommune.dk', phone: '' },
  lockDays: 14,
  cycle: DEFAULT_CYCLE_DATES,
  indicatorsOff: [],
}

export const IDS = {
  municipality: 'kommune-test',
  areaNord: 'area-nord',
  areaSyd: 'area-syd',
  unitA: 'unit-skole-a',
  unitB: 'unit-dag-b',
  unitC: 'unit-skole-c',
  unitD: 'unit-skole-d',
} as const

export const PEOPLE = {
  leaderA: { id: 'p-leader-a', email: 'leder.a@test.dk', name: 'Lea Leder' },
  leaderC: { id: 'p-leader-c', email: 'leder.c@test.dk', name: 'Carl Leder' },
  ocNord: { id: 'p-oc-nord', email: 'oc.nord@test.dk', name: 'Olga Områdechef' },
  /** The area chief of the other area: an OC, but not over area Nord's units. */
  ocSyd: { id: 'p-oc-syd', email: 'oc.syd@test.dk', name: 'Svend Sydchef' },
  directorate: { id: 'p-dir', email: 'direktion@test.dk', name: 'Dorte Direktør' },
  economics: { id: 'p-eco', email: 'oekonomi@test.dk', name: 'Erik Økonom' },
  noPassword: { id: 'p-nopw', email: 'ingen.kode@test.dk', name: 'Nina Uden Kode' },
  noRole: { id: 'p-norole', email: 'ingen.rolle@test.dk', name: 'Rolf Uden Rolle' },
} as const

const BUDGET = 10_000_000
const FORECASTS: Record<string, number> = {
  [IDS.unitA]: 10_500_000,
  [IDS.unitB]: 9_900_000,
  [IDS.unitC]: 10_050_000,
  [IDS.unitD]: 11_000_000,
}

/** Who the dialogue tests sign in: a leader of unit A, the area chiefs of both areas, the directorate and the economics team. */
export const DIALOGUE_CAST = {
  leaderA: PEOPLE.leaderA,
  oc: PEOPLE.ocNord,
  ocSyd: PEOPLE.ocSyd,
  dir: PEOPLE.directorate,
  eco: PEOPLE.economics,
}

export async function insertFixtures(db: Db): Promise<void> {
  const hash = await hashPassword(PASSWORD)
  await db.transaction(async (tx) => {
    await tx.query(`insert into municipality (id, name) values ($1, 'Testkommune')`, [IDS.municipality])
    await tx.query(`insert into area (id, municipality_id, name, kind) values ($1, $3, 'Område Nord', 'mixed'), ($2, $3, 'Område Syd', 'school')`, [
      IDS.areaNord,
      IDS.areaSyd,
      IDS.municipality,
    ])
    const units: Array<[string, string, string, string]> = [
      [IDS.unitA, IDS.areaNord, 'Askeskolen', 'school'],
      [IDS.unitB, IDS.areaNord, 'Bøgehuset', 'daycare'],
      [IDS.unitC, IDS.areaSyd, 'Cedervejens Skole', 'school'],
      [IDS.unitD, IDS.areaNord, 'Damskolen', 'school'],
    ]
    for (const [id, areaId, name, type] of units) {
      await tx.query(`insert into unit (id, area_id, name, unit_type, cost_centre, ean, economics_contact) values ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        areaId,
        name,
        type,
        `cc-${id}`,
        `579800000${id.length}`,
        { name: 'Økonomi Øst', email: 'oekonomi@test.dk', phone: '11 22 33 44' },
      ])
    }
    for (const p of Object.values(PEOPLE)) {
      await tx.query('insert into person (id, email, name, password_hash) values ($1, $2, $3, $4)', [
        p.id,
        p.email,
        p.name,
        p.id === PEOPLE.noPassword.id ? null : hash,
      ])
    }
    const roles: Array<[string, string, string | null, string | null]> = [
      [PEOPLE.leaderA.id, 'leader', IDS.unitA, null],
      [PEOPLE.leaderC.id, 'leader', IDS.unitC, null],
      [PEOPLE.ocNord.id, 'area_chief', null, IDS.areaNord],
      [PEOPLE.directorate.id, 'directorate', null, null],
      [PEOPLE.economics.id, 'economics', null, null],
      [PEOPLE.noPassword.id, 'leader', IDS.unitB, null],
      [PEOPLE.ocSyd.id, 'area_chief', null, IDS.areaSyd],
    ]
    for (const [i, [personId, role, unitId, areaId]] of roles.entries()) {
      await tx.query('insert into role_assignment (id, person_id, role, unit_id, area_id) values ($1, $2, $3, $4, $5)', [
        `ra-${i}`,
        personId,
        role,
        unitId,
        areaId,
      ])
    }
    await tx.query(`insert into rule_set (id, municipality_id, unit_type, effective_from, thresholds) values ('rs-2020', $1, null, '2020-01-01', $2)`, [
      IDS.municipality,
      DEFAULT_THRESHOLDS,
    ])
    for (const unitId of Object.values(IDS).filter((id) => id.startsWith('unit-'))) {
      const forecast = FORECASTS[unitId] ?? BUDGET
      for (let month = 1; month <= 10; month++) {
        const share = month / 12
        await tx.query(
          `insert into monthly_figure (unit_id, year, month, budget, carry_over, spend_to_date, profile_share)
           values ($1, 2025, $2, $3, 0, $4, $5)`,
          [unitId, month, BUDGET, ((forecast * month) / 12).toFixed(2), share.toFixed(6)],
        )
      }
      for (let month = 0; month <= 10; month++) {
        await tx.query('insert into forecast (id, unit_id, year, month, amount) values ($1, $2, 2025, $3, $4)', [
          `fc-${unitId}-${month}`,
          unitId,
          month,
          forecast,
        ])
      }
      await tx.query(
        `insert into action_plan_item (id, unit_id, year, title, due_date, status, done_on)
         values ($1, $2, 2025, 'Ny vagtplan', '2025-06-30', 'done', '2025-06-20')`,
        [`ap-${unitId}`, unitId],
      )
      await tx.query(
        `insert into balance_account (id, unit_id, number, name, due_date, reconciled_on)
         values ($1, $2, '9100', 'Mellemregning', '2025-09-30', '2025-09-28')`,
        [`ba-${unitId}`, unitId],
      )
    }
  })
}
