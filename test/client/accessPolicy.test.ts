// Forms ask the one access policy (core/sync/access.ts, through features/records/useMayWrite.ts)
// what the signed-in person may write, instead of deciding by role: the area chief who opens a
// leader's initiative, preparation or forecast reads text with nothing to press or type, and a
// person edits and deletes only the notes they wrote (Authorship) — the leader not the OC's shared
// note, the OC not the leader's. The same pages for a leader show the forms. On the real store.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { mountAt, ocMe } from './routed'
import { detailWithFigures, leaderMe, plain } from './fixtures'
import { eachTestOnAFreshDevice, outbox, pulled } from './realRecords'

eachTestOnAFreshDevice()

type Wrapper = Awaited<ReturnType<typeof mountAt>>['wrapper']
const buttons = (w: Wrapper, within: string) =>
  w
    .get(within)
    .findAll('button')
    .map((b) => plain(b.text()))
const controls = (w: Wrapper, within: string) => w.get(within).findAll('input, textarea, select, button')

const byLeader = { updatedBy: 'p-leader', updatedByName: 'Lea Leder', updatedAt: '2026-11-10T09:00:00.000Z', createdBy: 'p-leader', createdByName: 'Lea Leder' }
const byOc = { updatedBy: 'p-oc', updatedByName: 'Otto OC', updatedAt: '2026-11-11T09:00:00.000Z', createdBy: 'p-oc', createdByName: 'Otto OC' }

async function initiative(): Promise<void> {
  await pulled('initiative', 'i1', {
    indicator: 'budget',
    title: 'Færre vikarer',
    owner: 'Lea',
    dueDate: null,
    expectedEffect: null,
    status: 'planned',
    progressNote: '',
    ...byLeader,
  })
}

describe('step 3, the initiatives', () => {
  it('a leader can add, edit and remove', async () => {
    await initiative()
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures(), leaderMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    expect(buttons(wrapper, '[data-testid="initiative"]')).toEqual(['Rediger Færre vikarer', 'Slet Færre vikarer'])
    expect(buttons(wrapper, '.step-act')).toContain('Nyt initiativ')
    wrapper.unmount()
  })

  it('the area chief reads the initiatives, with nothing to press or type', async () => {
    await initiative()
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/3', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="initiative"]').exists()).toBe(true))
    expect(plain(wrapper.get('[data-testid="initiative"]').text())).toContain('Færre vikarer')
    expect(controls(wrapper, '.step-act')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('step 5, the preparation', () => {
  const preparation = { year: 2026, month: 10, questions: 'Kan vi flytte en udgift?', readyAt: null, ...byLeader }

  it('a leader types the questions and marks it ready', async () => {
    await pulled('dialoguePreparation', 'dialoguePreparation:u1:2026:10', preparation)
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/5', detailWithFigures(), leaderMe())
    await vi.waitFor(() => expect((wrapper.get('.step-prepare textarea').element as HTMLTextAreaElement).value).toBe('Kan vi flytte en udgift?'))
    expect(wrapper.find('[data-testid="mark-ready"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('the area chief reads the leader’s questions as text', async () => {
    await pulled('dialoguePreparation', 'dialoguePreparation:u1:2026:10', preparation)
    const { wrapper } = await mountAt('/enhed/u1/budget/trin/5', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="questions-read-only"]').text()).toContain('Kan vi flytte en udgift?'))
    expect(wrapper.findAll('[data-testid="questions-read-only"] p').map((p) => p.text())).toEqual([
      'Lederens spørgsmål til områdechefen',
      'Kan vi flytte en udgift?',
    ])
    expect(controls(wrapper, '.step-prepare')).toHaveLength(0)
    wrapper.unmount()
  })
})

describe('step 2, the explanation', () => {
  it('the area chief sees the leader’s explanation disabled, and leaving the step saves nothing', async () => {
    await pulled('explanation', 'explanation:u1:budget:2026:10', {
      indicator: 'budget',
      year: 2026,
      month: 10,
      causes: [],
      body: 'Vikarer',
      validReason: true,
      ...byLeader,
    })
    const { wrapper, router } = await mountAt('/enhed/u1/budget/trin/2', detailWithFigures(), ocMe())
    const body = wrapper.get('textarea[name="body"]')
    await vi.waitFor(() => expect((body.element as HTMLTextAreaElement).value).toBe('Vikarer'))
    expect(body.attributes('readonly')).toBeDefined()
    for (const box of wrapper.findAll('.step-explain fieldset')) expect(box.attributes('disabled')).toBeDefined()
    expect(buttons(wrapper, '.step-explain').filter((b) => b === 'Gem forklaring')).toEqual([])
    await router.push('/enhed/u1/budget/trin/3')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/enhed/u1/budget/trin/3'))
    expect(await outbox()).toEqual([])
    wrapper.unmount()
  })
})

describe('the forecast', () => {
  it('a leader types it; the area chief reads it', async () => {
    const leader = await mountAt('/enhed/u1/prognose', detailWithFigures(), leaderMe())
    expect(leader.wrapper.find('input[name="amount"]').exists()).toBe(true)
    expect(leader.wrapper.find('[data-testid="forecast-read-only"]').exists()).toBe(false)
    leader.wrapper.unmount()

    const oc = await mountAt('/enhed/u1/prognose', detailWithFigures(), ocMe())
    expect(oc.wrapper.find('[data-testid="forecast-read-only"]').exists()).toBe(true)
    expect(controls(oc.wrapper, '.forecast-form')).toHaveLength(0)
    oc.wrapper.unmount()
  })
})

describe('the indicator page', () => {
  it('leads the leader into the steps and the forecast, not the area chief', async () => {
    // A forecast of 13 mio. against a budget of 12: the budget is red, so the steps are offered.
    const overrun = () => detailWithFigures([{ id: 'f-9', unitId: 'u1', year: 2026, month: 9, amount: 13_000_000, explanation: 'Vikarer' }])
    const leader = await mountAt('/enhed/u1/budget', overrun(), leaderMe())
    await vi.waitFor(() => expect(leader.wrapper.find('[data-testid="steps-link"]').exists()).toBe(true))
    expect(leader.wrapper.find('[data-testid="forecast-link"]').exists()).toBe(true)
    leader.wrapper.unmount()
    const oc = await mountAt('/enhed/u1/budget', overrun(), ocMe())
    // The same page, once its light and notes are there.
    await vi.waitFor(() => expect(oc.wrapper.find('[data-testid="light-budget"]').attributes('data-colour')).toBe('red'))
    await vi.waitFor(() => expect(oc.wrapper.find('[data-testid="no-notes"]').exists()).toBe(true))
    expect(oc.wrapper.find('[data-testid="steps-link"]').exists()).toBe(false)
    expect(oc.wrapper.find('[data-testid="forecast-link"]').exists()).toBe(false)
    oc.wrapper.unmount()
  })
})

describe('shared notes: a person edits and deletes only the notes they wrote', () => {
  async function notes(): Promise<void> {
    await pulled('note', 'n-leader', { indicator: null, year: null, month: null, body: 'Lederens note', visibility: 'shared', ...byLeader })
    await pulled('note', 'n-oc', { indicator: null, year: null, month: null, body: 'Områdechefens note', visibility: 'shared', ...byOc })
  }
  const noteWith = (w: Wrapper, body: string) => {
    const note = w.findAll('[data-testid="note"]').find((n) => n.text().includes(body))
    if (!note) throw new Error(`no note "${body}"`)
    return note
  }
  const noteButtons = (w: Wrapper, body: string) =>
    noteWith(w, body)
      .findAll('button')
      .map((b) => plain(b.text()).split(' ')[0])

  it('the leader: their own note, not the area chief’s', async () => {
    await notes()
    const { wrapper } = await mountAt('/enhed/u1/noter', detailWithFigures(), leaderMe())
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="note"]')).toHaveLength(2))
    expect(noteButtons(wrapper, 'Lederens note')).toEqual(['Rediger', 'Slet'])
    expect(noteButtons(wrapper, 'Områdechefens note')).toEqual([])
    expect(noteWith(wrapper, 'Områdechefens note').text()).toContain('Skrevet af Otto OC')
    // A new note, the leader's own, is theirs to write.
    expect(wrapper.find('.notes-panel > form textarea').exists()).toBe(true)
    wrapper.unmount()
  })

  it('the area chief: their own note, not the leader’s', async () => {
    await notes()
    const { wrapper } = await mountAt('/enhed/u1/noter', detailWithFigures(), ocMe())
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="note"]')).toHaveLength(2))
    expect(noteButtons(wrapper, 'Områdechefens note')).toEqual(['Rediger', 'Slet'])
    expect(noteButtons(wrapper, 'Lederens note')).toEqual([])
    wrapper.unmount()
  })
})
