// XLSX bytes → rows of cells, read with exceljs: numbers stay numbers, a date cell becomes its
// 'YYYY-MM-DD', and rich text, hyperlinks and formulas become the text or result Excel shows.
import ExcelJS from 'exceljs'
import type { Cell } from '../../../core/import/values'
import { shapeTable } from './shape'
import { ReadError, type ReadTable } from './types'

const NEITHER = 'Filen er hverken CSV eller XLSX.'

// exceljs gives a date cell as the Date whose UTC fields are the day Excel shows (Excel has no
// time zones), so the day is read in UTC; read locally it would move a day west of Greenwich.
function dayOf(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10)
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'SAND' : 'FALSK' // as Danish Excel shows them
  if (value instanceof Date) return dayOf(value)
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('hyperlink' in value) return cellOf(value.text) // text can itself be rich text
  if ('error' in value) return value.error // '#N/A' stays visible, so the parsers refuse it by name
  return cellOf(value.result ?? null) // a formula: its last computed result
}

function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets
  if (wanted === undefined) return sheets[0] as ExcelJS.Worksheet
  // Excel itself does not tell 'Budget' from 'budget' apart, so neither does the import.
  const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase())
  if (!sheet) throw new ReadError(`Arket '${wanted}' findes ikke. Filen har arkene: ${sheets.map((s) => s.name).join(', ')}.`)
  return sheet
}

/**
 * Line numbers are the sheet's own row numbers. A merged cell's value stands in every cell it covers
 * (exceljs gives each the master's value), so a unit's name merged down over its months is on each row.
 */
export async function readXlsx(bytes: Uint8Array, wantedSheet?: string): Promise<Pick<ReadTable, 'sheets' | 'sheet' | 'headers' | 'rows'>> {
  const workbook = new ExcelJS.Workbook()
  try {
    // A copy's own ArrayBuffer: exceljs 4.4's typings accept no Node Buffer (exceljs/exceljs#2877),
    // and a Buffer's .buffer may be a shared pool holding other bytes too.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer)
  } catch {
    throw new ReadError(NEITHER) // a ZIP file, but not a workbook (or a damaged one)
  }
  if (workbook.worksheets.length === 0) throw new ReadError(NEITHER)
  const sheet = pickSheet(workbook, wantedSheet)
  const rows: Array<{ line: number; cells: Cell[] }> = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [] // row.values[0] is always empty: columns count from 1
    rows.push({ line, cells: Array.from(values, (value) => cellOf(value)) })
  })
  return { sheets: workbook.worksheets.map((s) => s.name), sheet: sheet.name, ...shapeTable(rows) }
}
