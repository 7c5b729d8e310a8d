import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { EXPLANATION_REQUIRED } from '../../src/core/history/forecastMove'
import { plain, leaderMe } from './fixtures'
import { mountForecastForm, NOVEMBER } from './forecastFormMounted'
import { eachTestOnAFreshDevice, expectSaved, saved, watchSaves } from './realRecords'

let saves: ReturnType<typeof watchSaves>
// A leader of u1: the forms ask the access policy about the signed-in person.
eachTestOnAFreshDevice(leaderMe)
beforeEach(() => {
  saves = watchSaves()
})

/** The form with `amount` typed (asking for an explanation or not, as expected) and submitted. */
async function submitted(amount: string, { explanationAsked }: { explanationAsked: boolean }) {
  const w = mountForecastForm()
  await w.get('input[name="amount"]').setValue(amount)
  expect(w.find('[data-testid="explanation-needed"]').exists()).toBe(explanationAsked)
  await w.get('form').trigger('submit')
  await flushPromises()
  return w
}

/** The outbox holds the November forecast and nothing else. */
const expectNovemberSaved = (amount: number, explanation: string | null) =>
  expectSaved([{ table: 'forecast', recordId: NOVEMBER, scopeId: 'u1', op: 'upsert', fields: { year: 2026, month: 11, amount, explanation } }])

describe('ForecastForm', () => {
  it('is for this month, and says the budget and the previous forecast', () => {
    const w = mountForecastForm()
    expect(w.get('h2').text()).toBe('Din prognose i november 2026')
    expect(plain(w.text())).toContain('Din seneste prognose: 12,0 mio. kr. (givet i september)')
    expect(w.get('label[for$="-amount"]').text()).toBe('Forventet forbrug for hele 2026 (kr.)')
  })

  it('refuses bad input with an error linked to the field, and keeps what was typed', async () => {
    const w = mountForecastForm()
    const input = w.get('input[name="amount"]')
    await input.setValue('12.4')
    await w.get('form').trigger('submit')
    await flushPromises()
    const error = w.get('[data-testid="amount-error"]')
    expect(error.text()).toContain('Brug punktum mellem tusinder')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')?.split(' ')).toContain(error.attributes('id'))
    expect((input.element as HTMLInputElement).value).toBe('12.4')
    expect(document.activeElement).toBe(input.element)
    expect(saves).not.toHaveBeenCalled()
    expect(await saved()).toEqual([])
  })

  it('requires an explanation when the forecast moves more than the interval', async () => {
    const w = await submitted('12.300.000', { explanationAsked: true })
    const textarea = w.get('textarea[name="explanation"]')
    expect(w.get('[data-testid="explanation-error"]').text()).toContain('Skriv en kort forklaring')
    expect(textarea.attributes('aria-invalid')).toBe('true')
    expect(textarea.attributes('aria-describedby')).toContain(w.get('[data-testid="explanation-error"]').attributes('id'))
    expect(saves).not.toHaveBeenCalled()
    expect(await saved()).toEqual([])

    // The message is the server's (core/history/forecastMove.ts), word for word.
    expect(w.get('[data-testid="explanation-error"]').text()).toContain(EXPLANATION_REQUIRED)

    // Only a zero-width space is no explanation: the server would refuse it.
    await textarea.setValue('\u200B')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="explanation-error"]').exists()).toBe(true)
    expect(saves).not.toHaveBeenCalled()
    expect(await saved()).toEqual([])

    await textarea.setValue('Flere vikarer efter sygdom')
    await w.get('form').trigger('submit')
    await flushPromises()
    await expectNovemberSaved(12_300_000, 'Flere vikarer efter sygdom')
    await vi.waitFor(() => expect(plain(w.get('[data-testid="forecast-saved"]').text())).toContain('12,3 mio. kr. er gemt'))
  })

  it('needs no explanation at or below the interval', async () => {
    await submitted('12.180.000', { explanationAsked: false })
    await expectNovemberSaved(12_180_000, null)
  })

  it('accepts "12,4 mio." and echoes the amount it read', async () => {
    const w = mountForecastForm()
    await w.get('input[name="amount"]').setValue('12,1 mio.')
    expect(plain(w.get('[data-testid="amount-echo"]').text())).toBe('Læst som 12,1 mio. kr.')
  })
})
