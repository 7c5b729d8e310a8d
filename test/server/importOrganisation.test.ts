// The economics team's import of the organisation through the HTTP API, on a fresh database: a new
// unit in a new area with its leader and area chief (made people, given their roles, who then see
// the unit), a unit renamed and given a new leader, a unit left out untouched; the same file again
// changes nothing; a unit moved to an area the app does not know, a cost centre twice or an e-mail
// under two names refuse the file whole.
import { describe, expect, it } from 'vitest'
import { scopeFor } from '../../src/server/auth/scope'
import { IDS, PEOPLE } from '../helpers/fixtures'
import { importApp, refusedWith, type Preview, type Result } from './importHarness'

const { t, send } = importApp('organisation', 'organisation.csv')

const HEADER = 'Område;Enhed;Enhedstype;Omk.sted;EAN;Leder;Leder e-mail;Områdechef;Områdechef e-mail'
const FILE = [
  HEADER,
  // Unit A renamed, with a new leader; its area's chief as before.
  `Område Nord;Askeskolen og SFO;Skole;cc-${IDS.unitA};57980000012;Ida Ny;Ida.Ny@Test.dk;Olga Områdechef;${PEOPLE.ocNord.email}`,
  // Unit B as it is, no leader named: its leader stays.
  `Område Nord;Bøgehuset;Daginstitution;cc-${IDS.unitB};57980000010;;;;`,
  // A new unit in a new area, with its leader and chief.
  'Område Vest;Vestervang Børnehus;Børnehave;cc-vest-1;5798000012345;Vera Vest;vera@test.dk;Valdemar Vestchef;valdemar@test.dk',
].join('\r\n')

// Sorted here: PGlite and PostgreSQL may collate text differently.
const units = async () =>
  (
    await t.db.query<{ name: string; cost_centre: string; area: string; unit_type: string }>(
      'select u.name, u.cost_centre, a.name as area, u.unit_type from unit u join area a on a.id = u.area_id',
    )
  ).sort((a, b) => (a.cost_centre < b.cost_centre ? -1 : 1))
const personId = async (email: string) => (await t.db.query<{ id: string }>('select id from person where email = $1', [email]))[0]?.id

describe('the organisation import', () => {
  it('previews every unit with its area, type and people, and what it does, writing nothing', async () => {
    const res = await send('/api/imports/preview', FILE)
    expect(res.statusCode).toBe(200)
    const p = res.json<Preview>()
    expect(p.missing).toEqual([])
    expect(p.counts).toEqual({ new: 1, changed: 1, unchanged: 1, removed: 0 })
    expect(p.rows.map((r) => [r.label, r.unitName, r.values.unitType, r.values.leaderEmail, r.change])).toEqual([
      ['Område Nord', 'Askeskolen og SFO', 'school', 'ida.ny@test.dk', 'changed'],
      ['Område Nord', 'Bøgehuset', 'daycare', null, 'unchanged'],
      ['Område Vest', 'Vestervang Børnehus', 'daycare', 'vera@test.dk', 'new'],
    ])
    expect((await units()).map((u) => u.name)).not.toContain('Vestervang Børnehus')
  })

  it('imports it: the units and the area, the people with their roles, who then reach their units', async () => {
    const res = await send('/api/imports', FILE)
    expect(res.statusCode).toBe(200)
    expect(res.json<Result>().counts).toEqual({ new: 1, changed: 1, unchanged: 1, removed: 0 })
    expect((await units()).map((u) => `${u.cost_centre} ${u.name} (${u.area}, ${u.unit_type})`)).toEqual([
      `cc-${IDS.unitB} Bøgehuset (Område Nord, daycare)`,
      `cc-${IDS.unitA} Askeskolen og SFO (Område Nord, school)`,
      `cc-${IDS.unitC} Cedervejens Skole (Område Syd, school)`,
      `cc-${IDS.unitD} Damskolen (Område Nord, school)`,
      'cc-vest-1 Vestervang Børnehus (Område Vest, daycare)',
    ])
    const ida = (await personId('ida.ny@test.dk'))!
    expect([...((await scopeFor(t.db, ida)).unitIds as Set<string>)]).toEqual([IDS.unitA])
    // Unit A's leader is Ida now; Lea leads nothing. Unit B kept its leader.
    expect((await scopeFor(t.db, PEOPLE.leaderA.id)).unitIds).toEqual(new Set())
    expect((await scopeFor(t.db, PEOPLE.noPassword.id)).unitIds).toEqual(new Set([IDS.unitB]))
    const vest = (await t.db.query<{ id: string }>(`select u.id from unit u where cost_centre = 'cc-vest-1'`))[0]!.id
    expect((await scopeFor(t.db, (await personId('vera@test.dk'))!)).unitIds).toEqual(new Set([vest]))
    expect((await scopeFor(t.db, (await personId('valdemar@test.dk'))!)).chiefUnits).toEqual(new Set([vest]))
    const audit = await t.db.query<{ table_name: string; action: string }>(
      `select table_name, action from audit_log where device_id = 'import' order by table_name, action`,
    )
    expect(audit.map((a) => `${a.table_name} ${a.action}`)).toEqual([
      'area import.create',
      'person import.create',
      'person import.create',
      'person import.create',
      'unit import.create',
      'unit import.update',
    ])
  })

  it('imports the same file again as no change', async () => {
    const res = await send('/api/imports', FILE)
    expect(res.json<Result>()).toMatchObject({ counts: { new: 0, changed: 0, unchanged: 3, removed: 0 } })
  })

  it('sets a unit’s economics contact where the file names one, keeps it where it names none, and the same file again is no change', async () => {
    const contacts = async () =>
      Object.fromEntries(
        (
          await t.db.query<{ id: string; economics_contact: unknown }>('select id, economics_contact from unit where id = any($1)', [[IDS.unitA, IDS.unitB]])
        ).map((r) => [r.id, r.economics_contact]),
      )
    const before = await contacts()
    const withContact = [
      `${HEADER};Økonomikonsulent;Økonomikonsulent e-mail;Økonomikonsulent telefon`,
      `Område Nord;Askeskolen og SFO;Skole;cc-${IDS.unitA};57980000012;;;;;Birgitte Lund;Birgitte.Lund@test.dk;72 10 40 11`,
      `Område Nord;Bøgehuset;Daginstitution;cc-${IDS.unitB};57980000010;;;;;;;`,
    ].join('\r\n')
    const res = await send('/api/imports', withContact)
    expect(res.json<Result>().counts).toEqual({ new: 0, changed: 1, unchanged: 1, removed: 0 })
    expect(await contacts()).toEqual({
      [IDS.unitA]: { name: 'Birgitte Lund', email: 'birgitte.lund@test.dk', phone: '72 10 40 11' },
      [IDS.unitB]: before[IDS.unitB],
    })
    expect((await send('/api/imports', withContact)).json<Result>().counts).toEqual({ new: 0, changed: 0, unchanged: 2, removed: 0 })
  })

  it.each<[string, string[], string]>([
    [
      'a unit moved to an area the app does not know',
      [`Område Nrod;Damskolen;Skole;cc-${IDS.unitD};;;;;`],
      'Linje 2: enheden Damskolen flyttes til området Område Nrod, som appen ikke kender. Er navnet stavet rigtigt?',
    ],
    [
      'a cost centre twice',
      [`Område Nord;Damskolen;Skole;cc-${IDS.unitD};;;;;`, `Område Nord;Damskolen 2;Skole;cc-${IDS.unitD};;;;;`],
      `Linje 3, kolonne Omk.sted: 'cc-${IDS.unitD}' står også i linje 2: én linje pr. enhed.`,
    ],
    [
      'an e-mail under two names',
      [
        `Område Nord;Damskolen;Skole;cc-${IDS.unitD};;Ida Ny;ida.ny@test.dk;;`,
        `Område Syd;Cedervejens Skole;Skole;cc-${IDS.unitC};;Ida Nielsen;ida.ny@test.dk;;`,
      ],
      'Linje 3: ida.ny@test.dk hedder Ida Ny i linje 2, her Ida Nielsen.',
    ],
    [
      'an unknown unit type',
      [`Område Nord;Damskolen;Plejehjem;cc-${IDS.unitD};;;;;`],
      "Linje 2, kolonne Enhedstype: 'Plejehjem' er ikke en enhedstype (skole eller dagtilbud)",
    ],
    [
      'a leader without an e-mail',
      [`Område Nord;Damskolen;Skole;cc-${IDS.unitD};;Ida Ny;;;`],
      'Linje 2: kolonne Leder e-mail skal udfyldes, når kolonne Leder er det.',
    ],
  ])('refuses %s, saying where, and writes nothing', async (_, lines, message) => {
    const before = await units()
    const res = await send('/api/imports', [HEADER, ...lines].join('\n'))
    expect(refusedWith(res)).toEqual([message])
    expect(await units()).toEqual(before)
  })
})
