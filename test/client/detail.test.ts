import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ActionPlanDetail from '../../src/client/features/lights/detail/ActionPlanDetail.vue'
import BalanceDetail from '../../src/client/features/lights/detail/BalanceDetail.vue'
import BudgetDetail from '../../src/client/features/lights/detail/BudgetDetail.vue'
import HistoryTable from '../../src/client/features/lights/detail/HistoryTable.vue'
import { i18n } from '../../src/client/i18n'
import type { BalanceAccount } from '../../src/core/types'
import { budgetFacts, detail, plain } from './fixtures'
import type { DOMWrapper } from '@vue/test-utils'

/** A row's cells, joined with ' | ' so the test reads like the table. */
const cells = (row: DOMWrapper<Element>) =>
  row
    .findAll('th, td')
    .map((c) => plain(c.text()))
    .join(' | ')
/** A record's paragraphs, joined with ' | '. */
const lines = (item: DOMWrapper<Element>) =>
  item
    .findAll('p')
    .map((p) => plain(p.text()))
    .join(' | ')

const global = { plugins: [i18n] }

describe('HistoryTable', () => {
  it('has one row per month of history, with value and colour word', () => {
    const d = detail()
    const w = mount(HistoryTable, { props: { indicator: 'budget', history: d.history }, global })
    expect(w.get('caption').text()).toBe('Budgetoverholdelse måned for måned')
    expect(w.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true)
    const rows = w.findAll('tbody tr')
    expect(rows).toHaveLength(12)
    expect(rows[0]!.get('th').attributes('scope')).toBe('row')
    expect(rows[0]!.get('th').text()).toBe('november 2025')
    expect(rows[11]!.get('th').text()).toBe('oktober 2026')
    expect(plain(rows[11]!.findAll('td')[0]!.text())).toBe('+2,5 %')
    expect(rows[11]!.findAll('td')[1]!.text()).toBe('rød')
  })
})

describe('BalanceDetail', () => {
  const account = (id: string, dueDate: string, reconciledOn: string | null): BalanceAccount => ({
    id,
    unitId: 'u1',
    number: `90${id}`,
    name: `Konto ${id}`,
    dueDate,
    reconciledOn,
  })

  it('lists open accounts past due with days overdue, worst first, and late ones', () => {
    const accounts = [
      account('1', '2026-10-01', null),
      account('2', '2026-09-15', null),
      account('3', '2026-10-10', '2026-10-05'),
      account('4', '2026-11-30', null),
      account('5', '2026-09-30', '2026-10-03'),
    ]
    const w = mount(BalanceDetail, { props: { accounts, today: '2026-10-31' }, global })
    const open = w.get('[data-testid="open-accounts"]').findAll('li')
    expect(open.map(lines)).toEqual(['902 Konto 2 | Frist 15. sep. 2026 · 46 dage over frist', '901 Konto 1 | Frist 1. okt. 2026 · 30 dage over frist'])
    const late = w.get('[data-testid="late-accounts"]').findAll('li')
    expect(late.map(lines)).toEqual(['905 Konto 5 | Frist 30. sep. 2026 · afstemt 3. okt. 2026 · 3 dage for sent'])
  })

  it('says so when nothing is open', () => {
    const w = mount(BalanceDetail, { props: { accounts: [], today: '2026-10-31' }, global })
    expect(w.text()).toContain('Ingen konti er over frist.')
  })
})

describe('ActionPlanDetail', () => {
  it('lists actions by due date with status and marks the overdue ones', () => {
    const items = [
      { id: 'b', unitId: 'u1', year: 2026, title: 'Ny vagtplan', dueDate: '2026-09-01', status: 'in_progress' as const, doneOn: null, dropReason: null },
      { id: 'a', unitId: 'u1', year: 2026, title: 'Indkøbsaftale', dueDate: '2026-03-01', status: 'done' as const, doneOn: '2026-02-20', dropReason: null },
    ]
    const w = mount(ActionPlanDetail, { props: { items, today: '2026-10-31' }, global })
    const rows = w.get('[data-testid="actions"]').findAll('li').map(lines)
    expect(rows).toEqual([
      'Indkøbsaftale | Gennemført · Frist 1. mar. 2026 · gennemført 20. feb. 2026',
      'Ny vagtplan | I gang · Frist 1. sep. 2026 · over frist',
    ])
  })
})

describe('BudgetDetail', () => {
  it('sets spend against the budget accumulated to date', () => {
    const figures = [1, 2].map((month) => ({
      unitId: 'u1',
      year: 2026,
      month,
      budget: 12_000_000,
      carryOver: 100_000,
      spendToDate: month * 1_100_000,
      profileShare: month / 12,
    }))
    const w = mount(BudgetDetail, {
      props: { facts: budgetFacts({ spendToDate: 2_200_000, accruedBudget: 2_000_000 }), period: { year: 2026, month: 2 }, figures },
      global,
    })
    expect(plain(w.text())).toContain('Forbrug 2,2 mio. kr. mod periodiseret budget 2,0 mio. kr. ved udgangen af februar.')
    const rows = w.findAll('tbody tr').map(cells)
    expect(rows).toEqual(['januar | 1.100 | 1.000 | 100', 'februar | 2.200 | 2.000 | 200'])
  })
})
