import { describe, expect, it } from 'vitest'
import { amountInputText, parseAmount } from '../../src/core/amount'

describe('parseAmount: Danish amounts as leaders type them', () => {
  it.each([
    ['12.400.000', 12_400_000],
    ['12400000', 12_400_000],
    ['12 400 000', 12_400_000],
    ['12\u00a0400\u00a0000', 12_400_000],
    ['12.400.000,50', 12_400_000.5],
    ['12.400.000,5', 12_400_000.5],
    ['845.000', 845_000],
    ['845', 845],
    ['12,4 mio.', 12_400_000],
    ['12,4 mio', 12_400_000],
    ['12,45 mio. kr.', 12_450_000],
    ['12 mio', 12_000_000],
    ['kr. 12.400.000', 12_400_000],
    ['12.400.000 kr.', 12_400_000],
    ['12.400.000,-', 12_400_000],
    ['  12.400.000  ', 12_400_000],
    ['-250.000', -250_000],
    ['0', 0],
  ])('%j → %d', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['tolv millioner', 'invalid'],
    ['12,4,5', 'invalid'],
    ['12.4', 'grouping'],
    ['12.40.000', 'grouping'],
    ['1.2345', 'grouping'],
    ['12,345', 'decimals'],
    ['12a', 'invalid'],
    ['mio.', 'invalid'],
    ['1e6', 'invalid'],
  ])('%j is refused (%s)', (input, error) => {
    expect(parseAmount(input)).toEqual({ ok: false, error })
  })

  it.each([
    [12_400_000, '12.400.000'],
    [12_400_000.5, '12.400.000,50'],
    [845, '845'],
    [-250_000, '-250.000'],
  ])('amountInputText(%d) = %j and reads back', (value, text) => {
    expect(amountInputText(value)).toBe(text)
    expect(parseAmount(text)).toEqual({ ok: true, value })
  })
})
