// Rows of cells → headers and data rows, the same for CSV and XLSX.
import { isBlank, type Cell } from '../../../core/import/values'
import { ReadError, type ReadTable, type TableRow } from './types'

function withoutTrailingBlanks(cells: Cell[], keep = 0): Cell[] {
  let end = cells.length
  while (end > keep && isBlank(cells[end - 1])) end--
  return cells.slice(0, end)
}

/**
 * The first row that holds something is the header row; its trailing empty columns ("a;b;;") are
 * dropped. Empty rows are dropped wherever they are, and the others keep their own line numbers.
 * A row shorter than the headers is padded with ''; cells beyond the headers are kept when they hold
 * something, so the layer above can say that a row has more values than the file has columns.
 */
export function shapeTable(rows: TableRow[]): Pick<ReadTable, 'headers' | 'rows'> {
  const filled = rows.filter((row) => row.cells.some((cell) => !isBlank(cell)))
  const [headerRow, ...dataRows] = filled
  if (!headerRow) throw new ReadError('Filen er tom.')
  const headers = withoutTrailingBlanks(headerRow.cells).map((cell) => String(cell).trim())
  const padded = (cells: Cell[]): Cell[] =>
    withoutTrailingBlanks([...cells, ...Array<Cell>(Math.max(0, headers.length - cells.length)).fill('')], headers.length)
  return { headers, rows: dataRows.map((row) => ({ line: row.line, cells: padded(row.cells) })) }
}
