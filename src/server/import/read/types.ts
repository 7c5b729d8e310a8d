// What the bottom layer of an import hands up: the cells of one table, as the file holds them,
// with the row numbers Excel shows, so a refusal can name the line a person finds in the file.
import type { Cell } from '../../../core/import/values'

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252'
export type Delimiter = ';' | ',' | '\t'

/** One row of cells; line: the row's number as Excel shows it. */
export type TableRow = { line: number; cells: Cell[] }

export interface ReadTable {
  format: 'csv' | 'xlsx'
  /** null for xlsx; utf-16 only with its byte order mark (Excel's "Unicode text"). */
  encoding: TextEncoding | null
  /** null for xlsx */
  delimiter: Delimiter | null
  /** xlsx: every sheet's name; csv: [] */
  sheets: string[]
  /** the sheet read (xlsx), else null */
  sheet: string | null
  /** trimmed; the first non-empty row, without its trailing empty columns */
  headers: string[]
  /** the rows after the headers that hold something, each padded with '' to the headers' width */
  rows: TableRow[]
}

/** A file that cannot be read at all; the message (Danish) is for the person who chose the file. */
export class ReadError extends Error {
  override name = 'ReadError'
}
