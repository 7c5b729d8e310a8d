// An indicator switched off for the whole municipality (issue 9): the settings' rule, and what it
// does to a unit's lights — not judged, so neither shown nor counted in the overall colour or the
// worst-first order, in any month, recorded, imported or computed.
import { describe, expect, it } from 'vitest'
import { changedSettings, DEFAULT_CYCLE_DATES, municipalitySettingsSchema, type MunicipalitySettings } from '../../src/core/config/settings'
import { indicatorsInUse, lightsInOrder } from '../../src/core/indicators/inUse'
import {
  compareUnitsWorstFirst,
  lightHistory,
  overallColour,
  relightWithForecasts,
  unitLights,
  unitOverrun,
  type LightOptions,
  type UnitInput,
} from '../../src/core/lights'
import type { IndicatorKey } from '../../src/core/types'
import { account, action, forecast, ruleSet, yearOfFigures } from './fixtures'

describe('indicatorsInUse: the four in their order, but those switched off', () => {
  it.each<[IndicatorKey[], IndicatorKey[]]>([
    [[], ['budget', 'actionPlan', 'forecast', 'balance']],
    [['balance'], ['budget', 'actionPlan', 'forecast']],
    [
      ['forecast', 'budget'],
      ['actionPlan', 'balance'],
    ],
    [['budget', 'actionPlan', 'forecast'], ['balance']],
  ])('off %o → %o', (off, expected) => {
    expect(indicatorsInUse(off)).toEqual(expected)
  })

  it('lightsInOrder lists what is there in the fixed order, whatever order the keys came in', () => {
    expect(lightsInOrder({ balance: 'b', budget: 'a' })).toEqual(['a', 'b'])
    expect(lightsInOrder({})).toEqual([])
  })
})

const SETTINGS = {
  name: 'Testkommune',
  logoText: 'Testkommune',
  hngName: 'HNG',
  buuName: 'BUU',
  economicsContact: { name: 'Økonomi', email: 'oekonomi@x.dk', phone: '' },
  lockDays: 14,
  cycle: DEFAULT_CYCLE_DATES,
}

describe('the settings: which indicators are switched off', () => {
  it('a version stored before the choice existed reads with none off', () => {
    expect(municipalitySettingsSchema.parse(SETTINGS).indicatorsOff).toEqual([])
  })

  it.each<[string, unknown, string | null]>([
    ['one off', ['balance'], null],
    ['three off', ['budget', 'actionPlan', 'forecast'], null],
    ['all four off', ['budget', 'actionPlan', 'forecast', 'balance'], 'Mindst ét nøgletal skal være i brug.'],
    ['one twice', ['balance', 'balance'], 'Et nøgletal kan kun slås fra én gang.'],
    ['an unknown indicator', ['trivsel'], 'Ukendt indikator.'],
  ])('%s', (_name, indicatorsOff, message) => {
    const parsed = municipalitySettingsSchema.safeParse({ ...SETTINGS, indicatorsOff })
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe(message)
  })

  it('the history names the change, whatever order the list is in', () => {
    const before: MunicipalitySettings = { ...SETTINGS, indicatorsOff: ['balance', 'forecast'] }
    expect(changedSettings(before, { ...before, indicatorsOff: ['forecast', 'balance'] })).toEqual([])
    expect(changedSettings(before, { ...before, indicatorsOff: ['balance'] })).toEqual(['indicatorsOff'])
  })
})

// A unit whose balance accounts are all overdue (red) and everything else in order (green).
const input: UnitInput = {
  unit: { id: 'u1', municipalityId: 'm1', unitType: 'school' },
  figures: [...yearOfFigures(2024), ...yearOfFigures(2025)],
  forecasts: [forecast(0, 12_000_000), forecast(4, 12_000_000), forecast(0, 12_000_000, 2024), forecast(11, 12_000_000, 2024)],
  actionPlan: [action({ dueDate: '2025-03-31', status: 'done', doneOn: '2025-03-30' })],
  balanceAccounts: [account({ dueDate: '2025-02-28', reconciledOn: null })],
}
const opts: LightOptions = { today: '2025-06-10', ruleSets: [ruleSet()], closedYears: [2024] }
const may = { year: 2025, month: 5 }

describe('a unit judged with an indicator switched off', () => {
  it('has no light for it, and the others as before', () => {
    const all = unitLights(input, may, opts)
    expect(all.balance?.colour).toBe('red')
    const withoutBalance = unitLights(input, may, { ...opts, indicatorsOff: ['balance'] })
    expect(Object.keys(withoutBalance)).toEqual(['budget', 'actionPlan', 'forecast'])
    expect(withoutBalance.budget).toEqual(all.budget)
  })

  it('its overall colour and place in the worst-first order leave the switched-off light out', () => {
    const all = unitLights(input, may, opts)
    const off = unitLights(input, may, { ...opts, indicatorsOff: ['balance'] })
    expect([overallColour(all), overallColour(off)]).toEqual(['red', 'green'])
    const yellowUnit = { overall: 'yellow' as const, overrun: 0, lights: { budget: { colour: 'yellow' as const } }, name: 'Aa' }
    const unit = (lights: typeof all) => ({ overall: overallColour(lights), overrun: unitOverrun(lights), lights, name: 'Bb' })
    expect([unit(all), yellowUnit].sort(compareUnitsWorstFirst).map((u) => u.name)).toEqual(['Bb', 'Aa'])
    expect([unit(off), yellowUnit].sort(compareUnitsWorstFirst).map((u) => u.name)).toEqual(['Aa', 'Bb'])
  })

  it('a closed month loses it too, recorded or not, and an imported value for it counts for nothing', () => {
    const closed = { year: 2024, month: 10 }
    const recorded = Object.values(unitLights(input, closed, opts)).map((l) => ({ ...l, colour: 'red' as const }))
    const off = unitLights(input, closed, { ...opts, recorded, indicatorsOff: ['actionPlan'] })
    expect(Object.keys(off)).toEqual(['budget', 'forecast', 'balance'])
    expect(off.budget?.source).toBe('recorded')
    const imported = unitLights(input, may, { ...opts, imported: [{ indicator: 'balance', period: may, value: 1 }], indicatorsOff: ['balance'] })
    expect(imported.balance).toBeUndefined()
  })

  it('every month of the history leaves it out', () => {
    const history = lightHistory(input, may, 12, { ...opts, indicatorsOff: ['forecast', 'balance'] })
    expect(history).toHaveLength(12)
    expect(history.every((h) => Object.keys(h.lights).join() === 'budget,actionPlan')).toBe(true)
  })

  it('relighting with the device’s forecasts does not bring it back, nor unit overrun a budget switched off', () => {
    const judged = unitLights(input, may, { ...opts, indicatorsOff: ['budget', 'forecast'] })
    const relit = relightWithForecasts(judged, { period: may, figures: input.figures, forecasts: [forecast(5, 20_000_000)], ruleSet: ruleSet() })
    expect(Object.keys(relit)).toEqual(['actionPlan', 'balance'])
    expect(unitOverrun(relit)).toBe(0)
  })
})
