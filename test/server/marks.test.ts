// The OCs' marks for the directorate (GET /api/marks?kind=best_practice|special_unit): the active
// ones — not ended, not deleted — with their unit and area, newest first; every area for the
// directorate, their own for an area chief, and for a leader or the economics team the 404 of an
// address that does not exist.
import { beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { markListSchema } from '../../src/core/http/dialogues'
import { IDS, PEOPLE, DIALOGUE_CAST } from '../helpers/fixtures'
import { get, signedInApp } from '../helpers/http'
import { markFields, outcome, remove, write } from './dialogueHarness'
import { push } from './syncHarness'

type Marks = z.infer<typeof markListSchema>

const { t, c } = signedInApp(DIALOGUE_CAST)
beforeAll(async () => {
  const byNord = await push(t.app, c.oc, 'dev-oc', [
    write('unitMark', 'mk-a', IDS.unitA, markFields({ markedOn: '2025-10-01', dialogueId: 'dlg-a' })),
    write(
      'unitMark',
      'mk-b',
      IDS.unitB,
      markFields({ kind: 'special_unit', indicator: null, text: 'Overskrider budgettet år efter år', markedOn: '2025-11-01' }),
    ),
    write('unitMark', 'mk-d-ended', IDS.unitD, markFields({ markedOn: '2025-03-01', endedOn: '2025-09-01' })),
    write('unitMark', 'mk-d-deleted', IDS.unitD, markFields({ markedOn: '2025-04-01' })),
    remove('unitMark', 'mk-d-deleted', IDS.unitD, 1),
  ])
  const bySyd = await push(t.app, c.ocSyd, 'dev-oc-syd', [
    write('unitMark', 'mk-c', IDS.unitC, markFields({ kind: 'special_unit', indicator: 'balance', text: 'Balancekonti uafstemte', markedOn: '2025-10-15' })),
  ])
  expect([...byNord, ...bySyd].map(outcome)).toEqual(Array(6).fill('applied'))
})

const marks = async (cookie: string, query = '') => {
  const res = await get(t.app, `/api/marks${query}`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Marks>().marks
}
const ids = (list: Marks['marks']) => list.map((m) => m.id)

describe('the marks for the directorate', () => {
  it('gives the directorate every active mark of every area, newest first, with unit, area and who marked it', async () => {
    const all = await marks(c.dir)
    expect(ids(all)).toEqual(['mk-b', 'mk-c', 'mk-a'])
    expect(all.find((m) => m.id === 'mk-a')).toEqual({
      id: 'mk-a',
      kind: 'best_practice',
      unitId: IDS.unitA,
      unitName: 'Askeskolen',
      areaId: IDS.areaNord,
      areaName: 'Område Nord',
      indicator: 'budget',
      text: 'Fast månedligt budgetmøde med personalet',
      dialogueId: 'dlg-a',
      markedOn: '2025-10-01',
      markedByName: PEOPLE.ocNord.name,
    })
    expect(all.find((m) => m.id === 'mk-c')).toMatchObject({
      kind: 'special_unit',
      unitName: 'Cedervejens Skole',
      areaName: 'Område Syd',
      indicator: 'balance',
    })
  })

  it('filters by kind', async () => {
    expect(ids(await marks(c.dir, '?kind=best_practice'))).toEqual(['mk-a'])
    expect(ids(await marks(c.dir, '?kind=special_unit'))).toEqual(['mk-b', 'mk-c'])
    const res = await get(t.app, '/api/marks?kind=ros', c.dir)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_input', details: [{ path: 'kind', message: 'Ukendt markering.' }] })
  })

  it('gives an area chief the marks of their own area only', async () => {
    expect(ids(await marks(c.oc))).toEqual(['mk-b', 'mk-a'])
    expect(ids(await marks(c.ocSyd))).toEqual(['mk-c'])
    expect(ids(await marks(c.oc, '?kind=special_unit'))).toEqual(['mk-b'])
  })

  it('leaves out a mark once it has ended or is deleted', async () => {
    const [ended] = await push(t.app, c.oc, 'dev-oc', [write('unitMark', 'mk-b', IDS.unitB, { endedOn: '2025-11-10' }, 1)])
    expect(outcome(ended)).toBe('applied')
    expect(ids(await marks(c.dir))).toEqual(['mk-c', 'mk-a'])
  })

  it('answers a leader and the economics team with the 404 of an address that does not exist', async () => {
    const nowhere = await get(t.app, '/api/findes-ikke', c.leaderA)
    expect(nowhere.statusCode).toBe(404)
    for (const cookie of [c.leaderA, c.eco]) {
      for (const query of ['', '?kind=best_practice']) {
        const res = await get(t.app, `/api/marks${query}`, cookie)
        expect([res.statusCode, res.body]).toEqual([404, nowhere.body])
      }
    }
    expect((await get(t.app, '/api/marks', '')).statusCode).toBe(401)
  })
})
