// A file's table read through a column mapping into typed values, line by line, with every
// problem said where it is: the line as the spreadsheet numbers it, the column's own header, the
// value as it stands in the file, and what is wrong — "Linje 14, kolonne Forbrug år til dato:
// '12,3,4' er ikke et beløb". Nothing here knows the database; server/import checks the rows
// against it (unknown cost centres) with the same issue sentences.
import type { ActionStatus, IndicatorKey, UnitType } from '../types'
import { IMPORT_FIELDS, type ColumnMapping, type FieldType, type ImportField, type ImportKind, type Scale } from './fields'
import { isBlank, parseAmount, parseImportDate, parsePeriod, parseShare, parseSignedShare, type Cell, type Parsed } from './values'

export interface SourceRow {
  line: number
  cells: readonly Cell[]
}

export interface SourceTable {
  headers: readonly string[]
  rows: readonly SourceRow[]
}

export interface ImportIssue {
  line: number | null
  column: string | null
  value: string | null
  message: string
}

const shown = (cell: Cell) => (typeof cell === 'number' ? String(cell).replace('.', ',') : cell)

/** The issue of one cell, as the person will read it. */
export function cellIssue(line: number, column: string, cell: Cell | null, problem: string): ImportIssue {
  const value = cell === null ? null : shown(cell)
  const what = value === null ? problem : `'${value}' ${problem}`
  return { line, column, value, message: `Linje ${line}, kolonne ${column}: ${what}` }
}

/** An issue of a whole line (a duplicate key, a unit that does not exist). */
export function lineIssue(line: number, problem: string): ImportIssue {
  return { line, column: null, value: null, message: `Linje ${line}: ${problem}` }
}

/** An issue of the file as a whole (a required column missing). */
export function fileIssue(problem: string): ImportIssue {
  return { line: null, column: null, value: null, message: problem }
}

const STATUSES: ReadonlyArray<[RegExp, ActionStatus]> = [
  [/^(planlagt|planned|ikke påbegyndt|ikke startet)$/, 'planned'],
  [/^(i gang|igang|påbegyndt|in progress|in_progress)$/, 'in_progress'],
  [/^(udført|færdig|afsluttet|gennemført|done)$/, 'done'],
  [/^(droppet|udgået|udgår|opgivet|annulleret|dropped)$/, 'dropped'],
]

/** A cell that names one of a few values in words (a status, a unit type), compared without case. */
function parseWord<T>(cell: Cell, words: ReadonlyArray<[RegExp, T]>, problem: string): Parsed<T> {
  const text = String(cell).trim().toLocaleLowerCase('da').replace(/\s+/g, ' ')
  const found = words.find(([pattern]) => pattern.test(text))
  return found ? { ok: true, value: found[1] } : { ok: false, message: problem }
}

const UNIT_TYPES: ReadonlyArray<[RegExp, UnitType]> = [
  [/^(skole|folkeskole|school|specialskole|sfo)$/, 'school'],
  [/^(dagtilbud|daginstitution|institution|børnehave|vuggestue|dagpleje|integreret institution|daycare)$/, 'daycare'],
]

// The four indicators by the names the source documents and finance reports give them.
const INDICATOR_WORDS: ReadonlyArray<[RegExp, IndicatorKey]> = [
  [/^(budget|budgetoverholdelse|overholdelse af budget|budgetafvigelse|budget adherence)$/, 'budget'],
  [/^(handleplan|handleplanen|indfrielse af handleplan|action plan)$/, 'actionPlan'],
  [/^(prognose|prognoser|korrekt estimering|korrekt estimering i prognoser|prognosesikkerhed|forecast)$/, 'forecast'],
  [/^(balancekonti|balance|statuskonti|afstemte balancekonti|afstemning)$/, 'balance'],
]

// One @ with something on both sides and a dot in the domain: the sign-in checks the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function parseEmail(cell: Cell): Parsed<string> {
  const text = String(cell).trim().toLocaleLowerCase('da')
  if (text.length > 254 || !EMAIL.test(text)) return { ok: false, message: 'er ikke en e-mailadresse' }
  return { ok: true, value: text }
}

function parseText(cell: Cell): Parsed<string> {
  const text = String(cell).trim()
  return text.length > 500 ? { ok: false, message: 'er for lang (højst 500 tegn)' } : { ok: true, value: text }
}

function parseCell(type: FieldType, cell: Cell, scale: Scale): Parsed<unknown> {
  switch (type) {
    case 'text':
      return parseText(cell)
    case 'amount': {
      const parsed = parseAmount(cell)
      return parsed.ok && scale !== 1 ? parseAmount(Math.round(parsed.value * scale * 100) / 100) : parsed
    }
    case 'period':
      return parsePeriod(cell)
    case 'date':
      return parseImportDate(cell)
    case 'share':
      return parseShare(cell)
    case 'signedShare':
      return parseSignedShare(cell)
    case 'indicator':
      return parseWord(cell, INDICATOR_WORDS, 'er ikke et nøgletal (budget, handleplan, prognose eller balancekonti)')
    case 'actionStatus':
      return parseWord(cell, STATUSES, 'er ikke en status (planlagt, i gang, udført eller droppet)')
    case 'unitType':
      return parseWord(cell, UNIT_TYPES, 'er ikke en enhedstype (skole eller dagtilbud)')
    case 'email':
      return parseEmail(cell)
  }
}

/** A data line's values by field key; a blank optional cell is null. */
export interface ReadRow {
  line: number
  values: Record<string, unknown>
  /** The cells as they stand in the file, by field key, and the columns' headers: for issues found later. */
  cells: Record<string, Cell>
  headers: Record<string, string>
}

/** The required fields no column is mapped to. */
export function missingFields(kind: ImportKind, mapping: ColumnMapping): ImportField[] {
  const mapped = new Set(Object.values(mapping))
  return IMPORT_FIELDS[kind].filter((f) => f.required && !mapped.has(f.key))
}

/**
 * Every data line through the mapping: typed values, or an issue per bad cell. A line that is blank
 * in every mapped column is no data (a spacer or a subtotal's empty row) and is skipped.
 */
export function readRows(
  kind: ImportKind,
  table: SourceTable,
  mapping: ColumnMapping,
  scale: Scale,
): { rows: ReadRow[]; issues: ImportIssue[]; lines: number } {
  const columns = IMPORT_FIELDS[kind].flatMap((field) => {
    const index = table.headers.findIndex((h) => mapping[h] === field.key)
    return index < 0 ? [] : [{ field, index, header: table.headers[index]! }]
  })
  const rows: ReadRow[] = []
  const issues: ImportIssue[] = []
  let lines = 0
  for (const source of table.rows) {
    if (columns.every((c) => isBlank(source.cells[c.index]))) continue
    lines++
    const values: Record<string, unknown> = {}
    const cells: Record<string, Cell> = {}
    const headers: Record<string, string> = {}
    let ok = true
    for (const { field, index, header } of columns) {
      const cell = source.cells[index]
      headers[field.key] = header
      if (cell !== undefined) cells[field.key] = cell
      if (cell === undefined || isBlank(cell)) {
        values[field.key] = null
        if (field.required) {
          issues.push(cellIssue(source.line, header, null, 'skal udfyldes'))
          ok = false
        }
        continue
      }
      const parsed = parseCell(field.type, cell, scale)
      if (parsed.ok) values[field.key] = parsed.value
      else {
        issues.push(cellIssue(source.line, header, cell, parsed.message))
        ok = false
      }
    }
    if (ok) rows.push({ line: source.line, values, cells, headers })
  }
  return { rows, issues, lines }
}
