import { describe, expect, it } from 'vitest'
import { lightText, lightValue, nextStepHint } from '../../src/client/features/lights/reasons'
import { judgeImported } from '../../src/core/indicators/imported'
import { defaultRuleSet } from '../../src/core/rules'
import type { Colour, IndicatorKey, Light } from '../../src/core/types'
import { actionPlanFacts, balanceFacts, budgetFacts, daTexts, forecastFacts, greyLight, light, PERIOD, plain } from './fixtures'

const x = daTexts()
const RULES = defaultRuleSet('m1')

describe('budget reason', () => {
  it('states forecast, budget, deviation and limit when over', () => {
    const text = lightText(light(budgetFacts(), 'red'), x)
    expect(plain(text.reason)).toBe('Forventet regnskab 12,4 mio. kr. mod budget 12,1 mio. kr. — 2,5 % over (grænse 1 %)')
  })

  it('says under when the forecast is within the budget', () => {
    const facts = budgetFacts({ forecast: 11_858_000, deviation: -0.02, difference: -242_000 })
    expect(plain(lightText(light(facts, 'green'), x).reason)).toBe('Forventet regnskab 11,9 mio. kr. mod budget 12,1 mio. kr. — 2 % under')
  })

  it('yellow: just over, within the tolerance', () => {
    const facts = budgetFacts({ forecast: 12_160_500, deviation: 0.005 })
    expect(plain(lightText(light(facts, 'yellow'), x).reason)).toBe('Forventet regnskab 12,2 mio. kr. mod budget 12,1 mio. kr. — 0,5 % over (grænse 1 %)')
  })

  it('says final accounts once the year is closed', () => {
    expect(lightText(light(budgetFacts({ final: true }), 'red'), x).reason).toMatch(/^Endeligt regnskab/)
  })

  it('grey asks for a forecast', () => {
    const text = lightText(greyLight(budgetFacts({ forecast: null, deviation: null, difference: null }), 'noForecast'), x)
    expect(text.reason).toBe('Der mangler en prognose — indtast forventet regnskab')
    expect(text.hint).toBeNull()
  })
})

describe('forecast reason', () => {
  it('tells what was expected, what was spent, and the deviation of the annual budget', () => {
    const text = lightText(light(forecastFacts(), 'red'), x)
    expect(plain(text.reason)).toBe(
      'Sidste måned forventede du at have brugt 4,1 mio. kr. ved udgangen af oktober. Du har brugt 4,3 mio. kr. — 1,6 % af årsbudgettet mere end forventet (interval ±1,5 %).',
    )
  })

  it('says less when spend is below the expectation (green)', () => {
    const facts = forecastFacts({ actualSpend: 4_000_000, accuracy: -0.008, difference: -100_000 })
    expect(plain(lightText(light(facts, 'green'), x).reason)).toContain('— 0,8 % af årsbudgettet mindre end forventet (interval ±1,5 %).')
  })

  it('grey without last month’s forecast', () => {
    const facts = forecastFacts({ previousForecast: null, impliedSpend: null, accuracy: null, difference: null })
    expect(lightText(greyLight(facts, 'noPriorForecast'), x).reason).toMatch(/^Der er ingen prognose fra sidste måned/)
  })
})

describe('action plan reason', () => {
  it('counts actions done on time against the target', () => {
    expect(plain(lightText(light(actionPlanFacts(), 'red'), x).reason)).toBe('3 af 5 handlinger er gennemført til tiden — 60 % (mål 80 %)')
  })
  it('green at 100 %', () => {
    const facts = actionPlanFacts({ doneOnTime: 5, fulfilment: 1 })
    expect(plain(lightText(light(facts, 'green'), x).reason)).toBe('5 af 5 handlinger er gennemført til tiden — 100 % (mål 80 %)')
  })
  it('grey when nothing is due', () => {
    const facts = actionPlanFacts({ due: 0, doneOnTime: 0, fulfilment: null })
    expect(lightText(greyLight(facts, 'noActionsDue'), x).reason).toBe('Ingen handlinger i handleplanen har frist endnu')
  })
})

describe('balance reason', () => {
  it('counts reconciled accounts and names the open ones', () => {
    expect(plain(lightText(light(balanceFacts(), 'yellow'), x).reason)).toBe(
      '19 af 20 balancekonti er afstemt til tiden — 95 % (mål 95 %); 1 konto er ikke afstemt',
    )
    const red = balanceFacts({ reconciledOnTime: 15, rate: 0.75, open: 5 })
    expect(plain(lightText(light(red, 'red'), x).reason)).toBe('15 af 20 balancekonti er afstemt til tiden — 75 % (mål 95 %); 5 konti er ikke afstemt')
  })
  it('leaves out open accounts when there are none', () => {
    const facts = balanceFacts({ reconciledOnTime: 20, rate: 1, open: 0 })
    expect(plain(lightText(light(facts, 'green'), x).reason)).toBe('20 af 20 balancekonti er afstemt til tiden — 100 % (mål 95 %)')
  })
  it('grey when no account is due', () => {
    const facts = balanceFacts({ due: 0, reconciledOnTime: 0, rate: null, open: 0 })
    expect(lightText(greyLight(facts, 'noAccountsDue'), x).reason).toBe('Ingen balancekonti har frist endnu')
  })
})

describe('next step', () => {
  const indicators: IndicatorKey[] = ['budget', 'actionPlan', 'forecast', 'balance']
  it.each(indicators)('%s has a hint for yellow and red, none for green and grey', (indicator) => {
    const hints = (['yellow', 'red', 'green', 'grey'] as Colour[]).map((c) => nextStepHint(indicator, c, x))
    expect(hints[0]).toMatch(/\w/)
    expect(hints[1]).toMatch(/\w/)
    expect(hints[0]).not.toBe(hints[1])
    expect(hints.slice(2)).toEqual([null, null])
  })

  it.each<[string, Light, string]>([
    ['a budget deviation', judgeImported('budget', 0.042, PERIOD, RULES), 'Importeret af økonomiteamet: 4,2 % (mål ≤ 1 %)'],
    ['a saving on the budget', judgeImported('budget', -0.05, PERIOD, RULES), 'Importeret af økonomiteamet: -5 % (mål ≤ 1 %)'],
    ['a plan’s fulfilment', judgeImported('actionPlan', 0.75, PERIOD, RULES), 'Importeret af økonomiteamet: 75 % (mål ≥ 80 %)'],
    ['a forecast’s accuracy', judgeImported('forecast', -0.02, PERIOD, RULES), 'Importeret af økonomiteamet: -2 % (mål ± 1,5 %)'],
    ['a reconciliation rate', judgeImported('balance', 0.97, PERIOD, RULES), 'Importeret af økonomiteamet: 97 % (mål ≥ 95 %)'],
  ])('says an imported value is imported, with the limit it is judged by: %s', (_, imported, sentence) => {
    expect(plain(lightText(imported, x).reason)).toBe(sentence)
  })
})

describe('lightValue', () => {
  it('is the deviation, accuracy, fulfilment or rate', () => {
    expect(lightValue(light(budgetFacts(), 'red'))).toBe(0.025)
    expect(lightValue(light(forecastFacts(), 'red'))).toBe(0.016)
    expect(lightValue(light(actionPlanFacts(), 'red'))).toBe(0.6)
    expect(lightValue(light(balanceFacts(), 'red'))).toBe(0.95)
  })
})
