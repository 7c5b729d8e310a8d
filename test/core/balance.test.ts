import { describe, expect, it } from 'vitest'
import { accountState, balanceLight } from '../../src/core/indicators/balance'
import type { BalanceAccount, BalanceFacts } from '../../src/core/types'
import { account, accounts, ruleSet } from './fixtures'

const period = { year: 2025, month: 6 }
const judge = (list: BalanceAccount[], asOf = '2025-06-30', rs = ruleSet()) => balanceLight({ period, asOf, accounts: list, ruleSet: rs })
const facts = (list: BalanceAccount[], asOf?: string) => judge(list, asOf).facts as BalanceFacts

describe('balance accounts: colour bands (target 95 %, green above 98 %)', () => {
  it.each([
    [20, 20, 'green'],
    [100, 99, 'green'],
    [1000, 981, 'green'], // just above target + margin
    [50, 49, 'yellow'], // 98 % exactly: 0.95 + 0.03 is not 0.98 in binary, still yellow
    [1000, 980, 'yellow'],
    [20, 19, 'yellow'], // 95 % exactly
    [1000, 950, 'yellow'],
    [1000, 949, 'red'], // just below the target
    [100, 94, 'red'],
    [3, 0, 'red'],
  ])('%i due, %i on time → %s', (due, onTime, colour) => {
    expect(judge(accounts(due, onTime)).colour).toBe(colour)
  })
  it('greenAbove reads 0.98', () => expect(facts(accounts(1, 1)).greenAbove).toBe(0.98))
  it('uses the rule set', () => {
    expect(judge(accounts(10, 9), '2025-06-30', ruleSet({ balanceTarget: 0.9, balanceGreenMargin: 0.05 })).colour).toBe('yellow')
  })
  it('nothing due → grey noAccountsDue', () => {
    expect(judge([account({ dueDate: '2025-07-01' })])).toMatchObject({ colour: 'grey', missing: 'noAccountsDue' })
  })
})

describe('balance accounts: on time, late and open as known on asOf', () => {
  it.each<[string, Partial<BalanceAccount>, string]>([
    ['reconciled on the due date', { reconciledOn: '2025-05-31' }, 'onTime'],
    ['reconciled early', { reconciledOn: '2025-05-01' }, 'onTime'],
    ['reconciled a day late', { reconciledOn: '2025-06-01' }, 'late'],
    ['reconciled on asOf, late', { reconciledOn: '2025-06-30' }, 'late'],
    ['reconciled after asOf', { reconciledOn: '2025-07-01' }, 'open'],
    ['not reconciled', { reconciledOn: null }, 'open'],
    ['due on asOf', { dueDate: '2025-06-30', reconciledOn: null }, 'open'],
    ['due after asOf', { dueDate: '2025-07-01', reconciledOn: '2025-06-01' }, 'notDue'],
  ])('%s → %s', (_name, fields, state) => {
    expect(accountState(account(fields), '2025-06-30')).toBe(state)
  })

  it('counts open and late', () => {
    const list = [
      account({ reconciledOn: '2025-05-30' }),
      account({ reconciledOn: '2025-06-10' }),
      account({ reconciledOn: null }),
      account({ dueDate: '2025-08-31' }),
    ]
    expect(facts(list)).toEqual({
      kind: 'balance',
      due: 3,
      reconciledOnTime: 1,
      rate: 1 / 3,
      target: 0.95,
      greenAbove: 0.98,
      open: 1,
      late: 1,
    })
  })

  it("a later import changes today's light, not the rate of a period already past", () => {
    // Due 31 May, reconciled (on time) only as recorded by a later import dated after June.
    const list = [...accounts(19, 19), account({ reconciledOn: '2025-07-15', dueDate: '2025-05-31' })]
    expect(judge(list, '2025-06-30')).toMatchObject({ colour: 'yellow' }) // 19/20 at the end of June
    expect(facts(list, '2025-07-20')).toMatchObject({ reconciledOnTime: 19, late: 1, open: 0 })
  })
})

describe("balance accounts: the rate is the period year's", () => {
  it("an account due last year does not count in this year's rate", () => {
    const lastYear = account({ id: 'old', dueDate: '2024-12-31', reconciledOn: null })
    const thisYear = account({ id: 'new', dueDate: '2025-03-31', reconciledOn: '2025-03-30' })
    expect(facts([lastYear, thisYear])).toMatchObject({ due: 1, reconciledOnTime: 1, open: 0 })
  })
  it("only last year's accounts due → grey", () => {
    expect(judge([account({ dueDate: '2024-12-31', reconciledOn: '2024-12-01' })]).colour).toBe('grey')
  })
})
