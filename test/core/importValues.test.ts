import { describe, expect, it } from 'vitest'
import {
  EXCEL_SERIAL_MAX,
  isBlank,
  parseAmount,
  parseImportDate,
  parsePeriod,
  parseShare,
  parseSignedShare,
  type Cell,
  type Parsed,
} from '../../src/core/import/values'

const NOT_AMOUNT = { ok: false, message: 'er ikke et beløb' }
const TOO_LARGE = { ok: false, message: 'er for stort et beløb' }
const NOT_DATE = { ok: false, message: 'er ikke en dato (brug fx 31-05-2026)' }
const NOT_PERIOD = { ok: false, message: 'er ikke en periode (brug fx 2026-05 eller maj 2026)' }
const NOT_SHARE = { ok: false, message: 'er ikke en andel (brug fx 0,4167 eller 41,67 %)' }
const SHARE_RANGE = { ok: false, message: 'er ikke en andel mellem 0 og 1 (0 % og 100 %)' }

/** The check that a cell reads as this value. */
const reads =
  <T>(parse: (cell: Cell) => Parsed<T>) =>
  (cell: Cell, value: T) =>
    expect(parse(cell)).toEqual({ ok: true, value })

describe('isBlank', () => {
  it.each<[Cell | undefined, boolean]>([
    ['', true],
    ['   ', true],
    ['\u00a0\u202f\t', true],
    [undefined, true],
    ['-', false],
    ['0', false],
    [0, false],
    [' a ', false],
  ])('%j → %s', (cell, blank) => {
    expect(isBlank(cell)).toBe(blank)
  })
})

describe('parseAmount: the ways finance systems write kroner', () => {
  it.each<[Cell, number]>([
    ['1.234.567,89', 1_234_567.89],
    ['-1.234,5', -1234.5],
    ['(1.234,50)', -1234.5],
    ['1 234 567,89', 1_234_567.89],
    ['1\u00a0234\u00a0567,89', 1_234_567.89],
    ['1\u202f234\u202f567,89', 1_234_567.89],
    ['1234,5', 1234.5],
    ['1234', 1234],
    ['12.345', 12_345],
    ['1.234.567', 1_234_567],
    ['−1.234,5', -1234.5],
    ['– 1.234,5', -1234.5],
    ['1.234,50-', -1234.5],
    ['1.234,50 kr.', 1234.5],
    ['1.234,50 kr', 1234.5],
    ['1.234,50kr.', 1234.5],
    ['kr. 1.234,50', 1234.5],
    ['  1.234,50  ', 1234.5],
    ['1234.56', 1234.56],
    ['-0.5', -0.5],
    ['0.500', 0.5],
    ['1234.567', 1234.57],
    ['1,234,567.89', 1_234_567.89],
    ['1,234,567', 1_234_567],
    ['1 234.56', 1234.56],
    ['0', 0],
    ['-0', 0],
    ['0,005', 0.01],
    ['1,005', 1.01],
    ['-1,005', -1.01],
    ['999.999.999.999,99', 999_999_999_999.99],
    ['-999.999.999.999,99', -999_999_999_999.99],
    [1234.5, 1234.5],
    [-0.1, -0.1],
    [1.005, 1.01],
    [0.1 + 0.2, 0.3],
    [999_999_999_999.99, 999_999_999_999.99],
  ])('%j → %d', reads(parseAmount))

  it.each<[Cell, object]>([
    ['', NOT_AMOUNT],
    ['   ', NOT_AMOUNT],
    ['-', NOT_AMOUNT],
    ['()', NOT_AMOUNT],
    ['kr.', NOT_AMOUNT],
    ['12,3,4', NOT_AMOUNT],
    ['1.23.4', NOT_AMOUNT],
    ['1,2.3,4', NOT_AMOUNT],
    ['abc', NOT_AMOUNT],
    ['12a', NOT_AMOUNT],
    ['1e6', NOT_AMOUNT],
    ['1.234,5,6', NOT_AMOUNT],
    ['1.234.5', NOT_AMOUNT],
    ['12.34.567', NOT_AMOUNT],
    ['1 234.567', NOT_AMOUNT],
    ['1.234 567', NOT_AMOUNT],
    ['1234,', NOT_AMOUNT],
    [',5', NOT_AMOUNT],
    ['--5', NOT_AMOUNT],
    ['(-5)', NOT_AMOUNT],
    [Number.NaN, NOT_AMOUNT],
    ['1.000.000.000.000', TOO_LARGE],
    ['-1.000.000.000.000,00', TOO_LARGE],
    ['999.999.999.999,995', TOO_LARGE],
    [1e12, TOO_LARGE],
    [-1e12, TOO_LARGE],
    ['9'.repeat(400), TOO_LARGE],
    [Number.POSITIVE_INFINITY, TOO_LARGE],
    [Number.NEGATIVE_INFINITY, TOO_LARGE],
  ])('%j is refused', (cell, refusal) => {
    expect(parseAmount(cell)).toEqual(refusal)
  })
})

describe('parseImportDate', () => {
  it.each<[Cell, string]>([
    ['31-05-2026', '2026-05-31'],
    ['31.05.2026', '2026-05-31'],
    ['31/05/2026', '2026-05-31'],
    ['2026-05-31', '2026-05-31'],
    ['1-5-2026', '2026-05-01'],
    ['1.5.2026', '2026-05-01'],
    ['2026-5-1', '2026-05-01'],
    ['29-02-2028', '2028-02-29'],
    [' 31-05-2026 ', '2026-05-31'],
    ['2026-05-31 00:00:00', '2026-05-31'],
    ['2026-05-31T00:00:00', '2026-05-31'],
    ['2026-05-31T23:59:59.999Z', '2026-05-31'],
    ['31-05-2026 13:45', '2026-05-31'],
    [46173, '2026-05-31'],
    ['46173', '2026-05-31'],
    [46173.75, '2026-05-31'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [EXCEL_SERIAL_MAX, '9999-12-31'],
  ])('%j → %s', reads(parseImportDate))

  it.each<Cell>([
    '',
    '31-02-2026',
    '29-02-2026',
    '32-05-2026',
    '31-13-2026',
    '2026-02-30',
    '31-05-26',
    '31-05.2026',
    '2026/05/31',
    '31 maj 2026',
    'abc',
    '2026-05-31 kl. 12',
    0,
    60, // Excel's 29 February 1900, a day that never was
    -1,
    EXCEL_SERIAL_MAX + 1,
    '0',
    '60',
    String(EXCEL_SERIAL_MAX + 1),
    '46173.5',
    Number.NaN,
  ])('%j is not a date', (cell) => {
    expect(parseImportDate(cell)).toEqual(NOT_DATE)
  })
})

describe('parsePeriod', () => {
  const may2026 = { year: 2026, month: 5 }
  it.each<Cell>([
    '2026-05',
    '2026-5',
    '05-2026',
    '5-2026',
    '202605',
    202605,
    '2026/05',
    '05/2026',
    '05.2026',
    '2026.05',
    'maj 2026',
    'Maj 2026',
    'MAJ 2026',
    'maj-2026',
    'maj. 2026',
    'maj2026',
    'May 2026',
    ' maj\u00a02026 ',
    '31-05-2026',
    '2026-05-01',
    '2026-05-31T00:00:00',
  ])('%j → May 2026', (cell) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, value: may2026 })
  })

  it.each<[string, number]>([
    ['jan 2026', 1],
    ['januar 2026', 1],
    ['feb 2026', 2],
    ['februar 2026', 2],
    ['mar 2026', 3],
    ['marts 2026', 3],
    ['apr 2026', 4],
    ['jun 2026', 6],
    ['juni 2026', 6],
    ['jul 2026', 7],
    ['juli 2026', 7],
    ['aug 2026', 8],
    ['sep 2026', 9],
    ['sept. 2026', 9],
    ['september 2026', 9],
    ['okt 2026', 10],
    ['Okt. 2026', 10],
    ['oktober 2026', 10],
    ['oct 2026', 10],
    ['nov 2026', 11],
    ['dec 2026', 12],
    ['December 2026', 12],
  ])('%j → month %d', (cell, month) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, value: { year: 2026, month } })
  })

  it.each<Cell>([
    '',
    '2026-13',
    '2026-00',
    '13-2026',
    '202613',
    '20265',
    '2026',
    '46173', // a serial is a date, but a string of digits as a period is YYYYMM or nothing
    46173,
    2026.05,
    'mj 2026',
    'ma 2026',
    'maj',
    'maj 26',
    '1999-12', // the app's years are 2000–2100
    '2101-01',
    '31-02-2026',
    'abc',
  ])('%j is not a period', (cell) => {
    expect(parsePeriod(cell)).toEqual(NOT_PERIOD)
  })
})

describe('parseShare: the budget profile share 0..1', () => {
  it.each<[Cell, number]>([
    ['0,4167', 0.4167],
    ['0.4167', 0.4167],
    ['41,67 %', 0.4167],
    ['41,67%', 0.4167],
    ['41,67\u00a0%', 0.4167],
    ['41.67%', 0.4167],
    ['8,33 %', 0.0833],
    ['100 %', 1],
    ['0 %', 0],
    ['1', 1],
    ['0', 0],
    ['-0', 0],
    [0.4167, 0.4167],
    [1, 1],
    [0, 0],
  ])('%j → %d', reads(parseShare))

  it.each<[Cell, object]>([
    ['', NOT_SHARE],
    ['abc', NOT_SHARE],
    ['0,41,67', NOT_SHARE],
    ['%', NOT_SHARE],
    ['41,67 % %', NOT_SHARE],
    [Number.NaN, NOT_SHARE],
    ['41,67', SHARE_RANGE],
    ['100,01 %', SHARE_RANGE],
    ['-0,1', SHARE_RANGE],
    ['-1 %', SHARE_RANGE],
    [1.0001, SHARE_RANGE],
    [-0.0001, SHARE_RANGE],
  ])('%j is refused', (cell, refusal) => {
    expect(parseShare(cell)).toEqual(refusal)
  })
})

describe('parseSignedShare: an indicator value with a sign, within ±1000 %', () => {
  const SIGNED_RANGE = { ok: false, message: 'er ikke en andel mellem -10 og 10 (-1000 % og 1000 %)' }
  const read = (value: number) => ({ ok: true, value })
  it.each<[Cell, object]>([
    ['-2,5 %', read(-0.025)],
    ['−2,5 %', read(-0.025)],
    ['4,2%', read(0.042)],
    ['-0,025', read(-0.025)],
    ['150 %', read(1.5)],
    ['1000 %', read(10)],
    ['-1000 %', read(-10)],
    ['10', read(10)],
    [-0.025, read(-0.025)],
    ['-0', read(0)],
    ['', NOT_SHARE],
    ['1.000,5 %', NOT_SHARE],
    ['--1 %', NOT_SHARE],
    [Number.POSITIVE_INFINITY, NOT_SHARE],
    ['1000,1 %', SIGNED_RANGE],
    ['-10,01', SIGNED_RANGE],
    [12, SIGNED_RANGE],
  ])('%j → %j', (cell, parsed) => {
    expect(parseSignedShare(cell)).toEqual(parsed)
  })
})
