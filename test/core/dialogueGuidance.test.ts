import { describe, expect, it } from 'vitest'
import { guidanceFor } from '../../src/core/dialogue/guidance'
import type { DialoguePurpose, DialogueTopic, IndicatorKey } from '../../src/core/types'
import { INDICATORS } from '../../src/core/types'

const textOf = (indicator: IndicatorKey, purpose: DialoguePurpose) => {
  const [guidance] = guidanceFor([{ indicator, purpose }])
  return guidance!.points.map((p) => p.da).join('\n')
}

describe('guidanceFor: the OC’s part of the dialogue guide, per purpose and indicator', () => {
  it.each<[IndicatorKey, DialoguePurpose, string[], string[]]>([
    [
      'budget',
      'support',
      ['overholde budgettet', 'hvor han/hun kan henvende sig', 'økonomistyringsredskaberne', 'prognostisering', 'efter en måned'],
      ['valide årsager', '3 måneder'],
    ],
    ['actionPlan', 'support', ['indfri handleplanen', 'hvor han/hun kan henvende sig', 'prognostisering', 'efter en måned'], ['valide årsager', '3 måneder']],
    [
      'forecast',
      'support',
      ['forbedre sine prognoser', 'valide årsager til afvigelsen', 'prognostisering', 'yderligere tiltag', 'efter 3 måneder'],
      ['efter en måned', 'henvende sig'],
    ],
    ['balance', 'support', ['afstemme balancekonti', 'yderligere tiltag', 'efter 3 måneder'], ['prognostisering', 'efter en måned']],
    ['budget', 'recognition', ['Anerkend indsatsen', 'budgettet er overholdt', 'fastholde resultatet', 'best practice', 'direktionen'], ['Hjælp']],
    ['actionPlan', 'recognition', ['Anerkend indsatsen', 'handleplanen er indfriet', 'fastholde resultatet', 'best practice'], ['Hjælp']],
    ['forecast', 'recognition', ['Anerkend indsatsen', 'inden for interval', 'fastholde resultatet', 'best practice'], ['Hjælp']],
    ['balance', 'recognition', ['Anerkend indsatsen', 'afstemt korrekt', 'fastholde resultatet', 'best practice'], ['Hjælp']],
    [
      'budget',
      'follow_up',
      ['er forbedret', 'lys nu og dets historik', 'efter 6 måneder', 'udviklingsplan på én side', 'månedlige dialoger', 'særlig enhed'],
      ['samtale 3 måneder'],
    ],
    ['actionPlan', 'follow_up', ['er forbedret', 'efter 6 måneder', 'udviklingsplan på én side', 'månedlige dialoger'], ['samtale 3 måneder']],
    ['forecast', 'follow_up', ['prognoser er forbedret', 'efter 6 måneder', 'udviklingsplan på én side', 'samtale 3 måneder efter'], ['månedlige']],
    ['balance', 'follow_up', ['afstemninger er forbedret', 'efter 6 måneder', 'udviklingsplan på én side', 'samtale 3 måneder efter'], ['månedlige']],
  ])('%s, %s', (indicator, purpose, says, doesNotSay) => {
    const text = textOf(indicator, purpose)
    for (const s of says) expect(text).toContain(s)
    for (const s of doesNotSay) expect(text).not.toContain(s)
  })

  it('every point is in Danish and English', () => {
    const topics: DialogueTopic[] = INDICATORS.flatMap((indicator) =>
      (['support', 'recognition', 'follow_up'] as const).map((purpose) => ({ indicator, purpose })),
    )
    for (const { points } of topics.flatMap((t) => guidanceFor([t]))) {
      expect(points.length).toBeGreaterThan(0)
      for (const p of points) {
        expect(p.da.trim()).not.toBe('')
        expect(p.en.trim()).not.toBe('')
        expect(p.en).not.toBe(p.da)
      }
    }
  })

  it('one entry per topic, in the fixed indicator order, and nothing for no topics', () => {
    const topics: DialogueTopic[] = [
      { indicator: 'balance', purpose: 'support' },
      { indicator: 'budget', purpose: 'recognition' },
      { indicator: 'forecast', purpose: 'follow_up' },
    ]
    expect(guidanceFor(topics).map((g) => [g.indicator, g.purpose])).toEqual([
      ['budget', 'recognition'],
      ['forecast', 'follow_up'],
      ['balance', 'support'],
    ])
    expect(guidanceFor([])).toEqual([])
  })
})
