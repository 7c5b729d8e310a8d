// The rule sets' screen (/import/maaltal), reached through the app's routes with the real session
// store on a fresh device, against a scripted server that answers as the contract
// (src/core/http/config.ts) says and keeps every request it was sent.
import 'fake-indexeddb/auto'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import type { Me, RuleSetEntry, RuleSetInput, RuleSetList } from '../../src/client/api/types'
import { DEFAULT_THRESHOLDS } from '../../src/core/rules'
import { leaderMe, plain } from './fixtures'
import { eachTestOnAFreshDevice, signIn } from './realRecords'
import { routedApp } from './routed'
import { configServer } from './configServer'
import { json } from './syncFakeServer'

function economicsMe(): Me {
  return { person: { id: 'p-eco', name: 'Anne Andersen', email: 'oekonomi@x.dk' }, roles: [{ role: 'economics' }], units: [], areas: [] }
}

const entry = (id: string, effectiveFrom: string, over: Partial<RuleSetEntry> = {}): RuleSetEntry => ({
  id,
  municipalityId: 'm1',
  unitType: null,
  effectiveFrom,
  thresholds: { ...DEFAULT_THRESHOLDS },
  createdAt: '2026-01-05T09:30:00Z',
  createdByName: null,
  ...over,
})
const LIST: RuleSetList = {
  ruleSets: [
    entry('general-2024', '2024-01-01'),
    entry('school-2026', '2026-01-01', { unitType: 'school', thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 0.0125 }, createdByName: 'Anne Andersen' }),
    entry('general-2027', '2027-01-01', { thresholds: { ...DEFAULT_THRESHOLDS, actionPlanTarget: 0.85 }, createdByName: 'Anne Andersen' }),
  ],
  closedYears: [2025],
  today: '2026-12-06',
}

eachTestOnAFreshDevice(economicsMe)
const api = configServer<RuleSetInput>('/api/config/rule-sets', () => ({
  list: () => json(LIST),
  create: (input) => json({ ...entry('made', input.effectiveFrom), ...input, createdByName: 'Anne Andersen' }, 201),
}))

const open = async (): Promise<VueWrapper> => (await routedApp('/import/maaltal')).wrapper
const field = (w: VueWrapper, name: string) => w.get<HTMLInputElement>(`#rule-set-${name}`)
const errorOf = (w: VueWrapper, name: string) => w.find(`#rule-set-${name}-error`)
const values = (w: VueWrapper) =>
  ['budgetTolerance', 'actionPlanTarget', 'forecastInterval', 'balanceTarget', 'balanceGreenMargin'].map((f) => field(w, f).element.value)

describe('the rule sets', () => {
  it('lists every set, oldest first, with its values in per cent, whether it is in force and who made it', async () => {
    const w = await open()
    const rows = w.findAll('[data-testid="rule-sets-table"] tbody tr').map((r) => r.findAll('th, td').map((c) => plain(c.text())))
    expect(rows).toEqual([
      ['1. januar 2024', 'Alle enhedstyper', '1 %', '80 %', '1,5 %', '95 %', '3 %', 'Gælder nu', 'Fra start'],
      ['1. januar 2026', 'Skoler', '1,25 %', '80 %', '1,5 %', '95 %', '3 %', 'Gælder nu', 'Anne Andersen, 5. jan. 2026'],
      ['1. januar 2027', 'Alle enhedstyper', '1 %', '85 %', '1,5 %', '95 %', '3 %', 'Kommende', 'Anne Andersen, 5. jan. 2026'],
    ])
    w.unmount()
  })

  it('fills the form with the set in force for the chosen units, from the first of next month, until the person types', async () => {
    const w = await open()
    expect(field(w, 'effectiveFrom').element.value).toBe('2027-01-01')
    expect(values(w)).toEqual(['1', '80', '1,5', '95', '3'])
    await w.get('#rule-set-unitType').setValue('school')
    expect(values(w)).toEqual(['1,25', '80', '1,5', '95', '3'])
    await field(w, 'forecastInterval').setValue('2')
    await w.get('#rule-set-unitType').setValue('daycare')
    expect(values(w)).toEqual(['1,25', '80', '2', '95', '3'])
    w.unmount()
  })

  it('sends the set with its per cents as shares, says it is saved and shows the list again', async () => {
    const w = await open()
    await w.get('#rule-set-unitType').setValue('school')
    await field(w, 'effectiveFrom').setValue('2027-03-01')
    await field(w, 'budgetTolerance').setValue('2,5 %')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(api.posted).toEqual([
      { unitType: 'school', effectiveFrom: '2027-03-01', thresholds: { ...DEFAULT_THRESHOLDS, budgetTolerance: 0.025, balanceGreenMargin: 0.03 } },
    ])
    expect(plain(w.get('[data-testid="rule-set-saved"]').text())).toBe(
      'Regelsættet for skoler fra 01.03.2027 er gemt. Enhedernes lys vurderes efter det fra næste synkronisering.',
    )
    expect(api.listed).toBe(2)
    w.unmount()
  })

  it.each<[string, string, string, string]>([
    ['a value that is not a per cent', 'budgetTolerance', '1,2,3', 'Skriv et tal i procent mellem 0 og 100, fx 1,5.'],
    ['more than 100 %', 'actionPlanTarget', '120', 'Skriv et tal i procent mellem 0 og 100, fx 1,5.'],
    [
      'a date inside the closed year',
      'effectiveFrom',
      '2025-06-01',
      'Et regelsæt kan ikke gælde fra 01.06.2025: 2025 er lukket, og årets lys er registreret. Vælg en dato i 2026 eller senere.',
    ],
    ['a date already taken', 'effectiveFrom', '2027-01-01', 'Der findes allerede et regelsæt for alle enhedstyper fra 01.01.2027. Vælg en anden dato.'],
  ])('refuses %s beside its field, with the focus there, and sends nothing', async (_, name, typed, message) => {
    const w = await open()
    await field(w, name).setValue(typed)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(plain(errorOf(w, name).text())).toBe(message)
    expect(field(w, name).attributes('aria-invalid')).toBe('true')
    expect(field(w, name).attributes('aria-describedby')).toContain(`rule-set-${name}-error`)
    expect(document.activeElement).toBe(field(w, name).element)
    expect(api.posted).toEqual([])
    w.unmount()
  })

  it('puts the server’s refusal beside the field it names, and keeps what was typed', async () => {
    api.server.create = () =>
      json({ error: 'invalid_rule_set', message: 'Nej.', details: [{ path: 'thresholds.balanceGreenMargin', message: 'Margenen passer ikke.' }] }, 422)
    const w = await open()
    await field(w, 'effectiveFrom').setValue('2027-02-01')
    await field(w, 'balanceGreenMargin').setValue('4')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(plain(errorOf(w, 'balanceGreenMargin').text())).toBe('Margenen passer ikke.')
    expect(field(w, 'balanceGreenMargin').element.value).toBe('4')
    w.unmount()
  })

  it('says that nothing was saved when there is no connection, and keeps what was typed', async () => {
    api.server.create = () => {
      throw new TypeError('Failed to fetch')
    }
    const w = await open()
    await field(w, 'effectiveFrom').setValue('2027-02-01')
    await field(w, 'budgetTolerance').setValue('2')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(plain(w.get('[data-testid="rule-set-failed"]').text())).toBe(
      'Regelsættet blev ikke gemt. Der er ingen forbindelse. Intet er gemt; prøv igen, når du er online.',
    )
    expect(field(w, 'budgetTolerance').element.value).toBe('2')
    w.unmount()
  })

  it('offers another try when the list cannot be fetched', async () => {
    api.server.list = () => json({ error: 'internal', message: 'Der skete en fejl på serveren.' }, 500)
    const w = await open()
    expect(plain(w.get('[data-testid="rule-sets-failed"]').text())).toContain('Regelsættene kunne ikke hentes. Der skete en fejl på serveren.')
    api.server.list = () => json(LIST)
    await w.get('[data-testid="rule-sets-failed"] button').trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="rule-sets-table"] tbody tr')).toHaveLength(3)
    w.unmount()
  })

  it('every control has a label and the table its caption (axe)', async () => {
    const w = await open()
    const result = await axe.run(document.body, {
      runOnly: {
        type: 'rule',
        values: ['label', 'select-name', 'button-name', 'link-name', 'aria-allowed-attr', 'th-has-data-cells', 'scrollable-region-focusable'],
      },
    })
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    w.unmount()
  })

  it('is the economics team’s: anyone else meets the app’s “no such page” and nothing is fetched', async () => {
    signIn(leaderMe())
    const w = await open()
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
    expect(api.listed).toBe(0)
    w.unmount()
  })
})
