// Any table of valid values, written out the way some finance system or spreadsheet might write it
// (delimiter, encoding, Excel's sep= line, line breaks, quoting, amount, date and period formats),
// reads back through readTable and the cell parsers to the same values.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseAmount, parseImportDate, parsePeriod, type Cell } from '../../src/core/import/values'
import { readTable, type ReadTable } from '../../src/server/import/read/table'

type Row = { text: string; ore: bigint; date: { year: number; month: number; day: number }; period: { year: number; month: number }; note: string }

// Every character here exists in Windows-1252, so each encoding can write every table.
const CHARS = [...'abcxyzABCXYZæøåÆØÅéü0123456789 ;,."\'-€', '\n', '\r\n', '\u00a0']
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((chars) => chars.join(''))
const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000))
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }))
const rowArb: fc.Arbitrary<Row> = fc.record({
  text: textArb,
  ore: fc.bigInt({ min: -(10n ** 14n) + 1n, max: 10n ** 14n - 1n }), // |amount| < 10^12 kroner
  date: dateArb,
  period: fc.record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }),
  note: textArb,
})

const dialectArb = fc.record({
  delimiter: fc.constantFrom(';', ',', '\t'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  sepLine: fc.boolean(),
  newline: fc.constantFrom('\r\n', '\n'),
  quoteAll: fc.boolean(),
  amount: fc.constantFrom('1.234,56', '1234,56', '1 234,56', '1\u00a0234,56', '(1.234,56)'),
  date: fc.constantFrom('31-05-2026', '31.05.2026', '2026-05-31', '1-5-2026'),
  period: fc.constantFrom('2026-05', '05-2026', '202605', 'maj 2026', 'Maj 2026'),
})
type Dialect = typeof dialectArb extends fc.Arbitrary<infer D> ? D : never

const HEADERS = ['Tekst', 'Beløb', 'Dato', 'Periode', 'Bemærkning']
const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december']

function writeAmount(ore: bigint, format: Dialect['amount']): string {
  const negative = ore < 0n
  const digits = (negative ? -ore : ore).toString().padStart(3, '0')
  const whole = digits.slice(0, -2)
  const group = format === '1234,56' ? '' : format.includes('\u00a0') ? '\u00a0' : format.includes(' ') ? ' ' : '.'
  const written = `${whole.replace(/\B(?=(\d{3})+$)/g, group)},${digits.slice(-2)}`
  if (!negative) return written
  return format === '(1.234,56)' ? `(${written})` : `-${written}`
}

function writeDate({ year, month, day }: Row['date'], format: Dialect['date']): string {
  if (format === '2026-05-31') return `${year}-${pad(month)}-${pad(day)}`
  if (format === '1-5-2026') return `${day}-${month}-${year}`
  const separator = format === '31.05.2026' ? '.' : '-'
  return [pad(day), pad(month), year].join(separator)
}

function writePeriod({ year, month }: Row['period'], format: Dialect['period']): string {
  if (format === '2026-05') return `${year}-${pad(month)}`
  if (format === '05-2026') return `${pad(month)}-${year}`
  if (format === '202605') return `${year}${pad(month)}`
  const name = MONTHS[month - 1] ?? ''
  return `${format === 'Maj 2026' ? name[0]?.toUpperCase() + name.slice(1) : name} ${year}`
}

function writeFile(rows: Row[], dialect: Dialect): Uint8Array {
  const records = [
    HEADERS,
    ...rows.map((row) => [
      row.text,
      writeAmount(row.ore, dialect.amount),
      writeDate(row.date, dialect.date),
      writePeriod(row.period, dialect.period),
      row.note,
    ]),
  ]
  const csv = Papa.unparse(records, { delimiter: dialect.delimiter, newline: dialect.newline, quotes: dialect.quoteAll })
  const text = (dialect.sepLine ? `sep=${dialect.delimiter}${dialect.newline}` : '') + csv + dialect.newline
  if (dialect.encoding === 'windows-1252') return new Uint8Array(iconv.encode(text, 'windows-1252'))
  const bytes = new TextEncoder().encode(text)
  return dialect.encoding === 'utf-8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes
}

function valueOf<T>(parsed: { ok: true; value: T } | { ok: false; message: string }, cell: Cell | undefined): T {
  if (!parsed.ok) throw new Error(`${JSON.stringify(cell)} ${parsed.message}`)
  return parsed.value
}

function readBack(table: ReadTable) {
  return table.rows.map(({ cells: [text, amount, date, period, note] }) => ({
    text,
    amount: valueOf(parseAmount(amount ?? ''), amount),
    date: valueOf(parseImportDate(date ?? ''), date),
    period: valueOf(parsePeriod(period ?? ''), period),
    note,
  }))
}

function written(rows: Row[]) {
  return rows.map((row) => ({
    text: row.text,
    amount: Number(row.ore) / 100,
    date: `${row.date.year}-${pad(row.date.month)}-${pad(row.date.day)}`,
    period: row.period,
    note: row.note,
  }))
}

describe('any table in any dialect reads back to the same values', () => {
  it('CSV: readTable + the parsers give back what was written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 8 }), dialectArb, async (rows, dialect) => {
        const table = await readTable(writeFile(rows, dialect), 'eksport.csv')
        expect(table).toMatchObject({ format: 'csv', encoding: dialect.encoding, delimiter: dialect.delimiter, headers: HEADERS })
        expect(table.rows.map((row) => row.line)).toEqual(rows.map((_, i) => i + 2))
        expect(readBack(table)).toEqual(written(rows))
      }),
      { numRuns: 100 },
    )
  })

  // A cell in a workbook holds no carriage return (Excel's line break in a cell is \n alone).
  const xlsxRowArb = rowArb.map((row) => ({ ...row, text: row.text.replaceAll('\r', ''), note: row.note.replaceAll('\r', '') }))
  it('XLSX: native number and date cells, or the same values as text, read back the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xlsxRowArb, { minLength: 1, maxLength: 8 }), dialectArb, fc.boolean(), async (rows, dialect, native) => {
        const workbook = new ExcelJS.Workbook()
        workbook
          .addWorksheet('Data')
          .addRows([
            HEADERS,
            ...rows.map((row) => [
              row.text,
              native ? Number(row.ore) / 100 : writeAmount(row.ore, dialect.amount),
              native ? new Date(Date.UTC(row.date.year, row.date.month - 1, row.date.day)) : writeDate(row.date, dialect.date),
              writePeriod(row.period, dialect.period),
              row.note,
            ]),
          ])
        const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'eksport.xlsx')
        expect(table).toMatchObject({ format: 'xlsx', sheet: 'Data', headers: HEADERS })
        expect(table.rows.map((row) => row.line)).toEqual(rows.map((_, i) => i + 2))
        expect(readBack(table)).toEqual(written(rows))
      }),
      { numRuns: 100 },
    )
  })
})
