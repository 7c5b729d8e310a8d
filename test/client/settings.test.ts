// The municipality's settings (/import/kommune), reached through the app's routes with the real
// session store on a fresh device, against a scripted server that answers as the contract
// (src/core/http/config.ts) says and keeps every request it was sent.
import 'fake-indexeddb/auto'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { describe, expect, it, vi } from 'vitest'
import type { Me, SettingsEntry, SettingsList } from '../../src/client/api/types'
import { DEFAULT_CYCLE_DATES, type MunicipalitySettings, type SettingsInput } from '../../src/core/config/settings'
import { plain } from './fixtures'
import { eachTestOnAFreshDevice } from './realRecords'
import { routedApp } from './routed'
import { configServer } from './configServer'
import { json } from './syncFakeServer'

function economicsMe(): Me {
  return { person: { id: 'p-eco', name: 'Anne Andersen', email: 'oekonomi@x.dk' }, roles: [{ role: 'economics' }], units: [], areas: [] }
}

// The demo's starting settings.
const STARTING: MunicipalitySettings = {
  lockDays: 14,
  cycle: DEFAULT_CYCLE_DATES,
  indicatorsOff: [],
  economicsContact: { name: 'Økonomiteamet', email: 'oekonomi@demo.dk', phone: '+45 72 10 40 00' },
  name: 'Demo Kommune',
  logoText: 'Demo Kommune',
  hngName: 'HNG',
  buuName: 'Børne- og Ungdomsudvalget',
}
const version = (id: string, effectiveFrom: string, settings: MunicipalitySettings): SettingsEntry => ({
  id,
  effectiveFrom,
  settings,
  createdAt: '2026-11-02T09:30:00Z',
  createdByName: 'Anne Andersen',
})
const NOVEMBER = { ...STARTING, hngName: 'Hovedudvalget', lockDays: 10 }
const JANUARY = { ...NOVEMBER, logoText: 'DEMO KOMMUNE · Børn og Unge' }
const LIST: SettingsList = {
  versions: [version('nov', '2026-11-01', NOVEMBER), version('jan', '2027-01-01', JANUARY)],
  inForce: NOVEMBER,
  starting: STARTING,
  today: '2026-12-06',
}

eachTestOnAFreshDevice(economicsMe)
const api = configServer<SettingsInput>('/api/config/settings', () => ({
  list: () => json(LIST),
  create: (input) => json(version('made', input.effectiveFrom, input.settings), 201),
}))

const open = async (): Promise<VueWrapper> => {
  const w = (await routedApp('/import/kommune')).wrapper
  await vi.waitFor(() => expect(w.find('[data-testid="settings-form"]').exists()).toBe(true))
  return w
}
const field = (w: VueWrapper, path: string) => w.get<HTMLInputElement>(`#settings-${path.replace(/\./g, '-')}`)
/** Types the value in the field and sends the form. */
async function submitWith(w: VueWrapper, path: string, value: string): Promise<void> {
  await field(w, path).setValue(value)
  await w.get('form').trigger('submit')
  await flushPromises()
}
const errorOf = (w: VueWrapper, path: string) => plain(w.find(`#settings-${path.replace(/\./g, '-')}-error`).text())

describe('the municipality’s settings', () => {
  it('lists every version with its standing, what it changed from the one before, and who made it', async () => {
    const w = await open()
    const rows = w.findAll('[data-testid="settings-table"] tbody tr').map((r) => r.findAll('th, td').map((c) => plain(c.text())))
    expect(rows).toEqual([
      ['1. november 2026', 'Gælder nu', 'Navnet på HNG, Dage et referat kan rettes efter "Dialog afholdt"', 'Anne Andersen, 2. nov. 2026'],
      ['1. januar 2027', 'Kommende', 'Logotekst (står øverst på udskrifter)', 'Anne Andersen, 2. nov. 2026'],
    ])
    w.unmount()
  })

  it('fills the form with what is in force today, from today, every control labelled (axe)', async () => {
    const w = await open()
    expect(field(w, 'effectiveFrom').element.value).toBe('2026-12-06')
    expect(field(w, 'hngName').element.value).toBe('Hovedudvalget')
    expect(field(w, 'lockDays').element.value).toBe('10')
    expect(field(w, 'economicsContact.email').element.value).toBe('oekonomi@demo.dk')
    expect(w.get<HTMLSelectElement>('#settings-cycle-3-month').element.value).toBe('10')
    expect(field(w, 'cycle.3.day').element.value).toBe('1')
    expect(field(w, 'cycle.0.day').element.value).toBe('')
    const labelled = await axe.run(w.element as HTMLElement, { runOnly: ['label', 'select-name', 'button-name', 'link-name'] })
    expect(labelled.violations.map((v) => v.id)).toEqual([])
    w.unmount()
  })

  it('sends a new version with the typed values as numbers, and says from when it applies', async () => {
    const w = await open()
    await field(w, 'effectiveFrom').setValue('2026-12-15')
    await field(w, 'buuName').setValue('Børne- og Uddannelsesudvalget')
    await field(w, 'lockDays').setValue(' 7 ')
    await w.get('#settings-cycle-3-month').setValue('9')
    await field(w, 'cycle.3.day').setValue('15')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(api.posted).toHaveLength(1)
    expect(api.posted[0]!.effectiveFrom).toBe('2026-12-15')
    expect(api.posted[0]!.settings).toMatchObject({ buuName: 'Børne- og Uddannelsesudvalget', lockDays: 7, hngName: 'Hovedudvalget' })
    expect(api.posted[0]!.settings.cycle[3]).toEqual({ id: 'focusAreaStatus', month: 9, day: 15 })
    expect(plain(w.get('[data-testid="settings-saved"]').text())).toBe('Ændringen er gemt og gælder fra 15.12.2026.')
    w.unmount()
  })

  it.each<[string, string, string, string]>([
    ['a date before today', 'effectiveFrom', '2026-12-05', 'En ændring kan tidligst gælde fra i dag (06.12.2026).'],
    ['lock days that are no whole number', 'lockDays', '1,5', 'Antal dage skal være et helt tal.'],
    ['31 in a 30-day month', 'cycle.1.day', '31', 'Den dag findes ikke i den måned hvert år.'],
    ['an e-mail that is none', 'economicsContact.email', 'oekonomi', 'Ugyldig e-mailadresse.'],
  ])('refuses %s beside its field, focused, and sends nothing', async (_, path, value, message) => {
    const w = await open()
    await submitWith(w, path, value)
    expect(errorOf(w, path)).toBe(message)
    expect(api.posted).toHaveLength(0)
    w.unmount()
  })

  it('switches an indicator off by unticking it: ticked is in use, the version keeps the ones off', async () => {
    const w = await open()
    const boxes = () => w.findAll<HTMLInputElement>('.settings-form input[type="checkbox"]')
    expect(boxes().map((b) => [plain(b.element.parentElement!.textContent), b.element.checked])).toEqual([
      ['Budgetoverholdelse', true],
      ['Handleplan', true],
      ['Korrekt estimering i prognoser', true],
      ['Afstemte balancekonti', true],
    ])
    await field(w, 'indicator.balance').setValue(false)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(api.posted[0]!.settings.indicatorsOff).toEqual(['balance'])
    w.unmount()
  })

  it('refuses switching every indicator off, focused on the first box, and sends nothing', async () => {
    const w = await open()
    for (const key of ['budget', 'actionPlan', 'forecast', 'balance']) await field(w, `indicator.${key}`).setValue(false)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(plain(w.get('#settings-indicators-error').text())).toBe('Mindst ét nøgletal skal være i brug.')
    expect(document.activeElement?.id).toBe('settings-indicator-budget')
    expect(api.posted).toHaveLength(0)
    w.unmount()
  })

  it('a refusal from the server lands beside the date, and keeps what was typed', async () => {
    api.server.create = () =>
      json(
        {
          error: 'invalid_settings',
          message: 'x',
          details: [{ path: 'effectiveFrom', message: 'Der er allerede en ændring fra 15.12.2026. Vælg en anden dato.' }],
        },
        422,
      )
    const w = await open()
    await field(w, 'effectiveFrom').setValue('2026-12-15')
    await submitWith(w, 'hngName', 'Nyt navn')
    expect(errorOf(w, 'effectiveFrom')).toBe('Der er allerede en ændring fra 15.12.2026. Vælg en anden dato.')
    expect(field(w, 'hngName').element.value).toBe('Nyt navn')
    w.unmount()
  })
})
