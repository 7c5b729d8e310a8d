// Decoded CSV text → rows of cells, with papaparse doing the quoting ("" inside quotes, ; and line
// breaks inside a quoted field).
import Papa from 'papaparse'
import { shapeTable } from './shape'
import { ReadError, type Delimiter, type ReadTable } from './types'

// In this order a tie is broken: a Danish file is semicolon-separated, because ',' is its decimal mark.
const DELIMITERS: Delimiter[] = [';', '\t', ',']
// Excel's hint on the first line, "sep=;", which Excel itself reads and does not show as a row.
const SEP_LINE = /^"?sep=(.)"?[^\r\n]*(?:\r\n|\r|\n|$)/i

function fieldsInHeader(text: string, delimiter: Delimiter): number {
  const { data } = Papa.parse<string[]>(text, { delimiter, preview: 50 })
  // The header is the first record with a letter or digit: a line of only ";;" is empty whatever splits it.
  const header = data.find((record) => record.some((field) => /[\p{L}\p{N}]/u.test(field))) ?? []
  let count = header.length
  while (count > 0 && header[count - 1]?.trim() === '') count--
  return count
}

/**
 * The delimiter is the one that splits the header row into the most columns. Papaparse's own guess
 * weighs every row alike, and in a file whose amounts are "1,5" a comma can split the data rows more
 * evenly than the semicolon does; a header row holds names, not decimal commas.
 */
function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ';'
  let most = 0
  for (const delimiter of DELIMITERS) {
    const fields = fieldsInHeader(text, delimiter)
    if (fields > most) [best, most] = [delimiter, fields]
  }
  return best
}

function hintedDelimiter(hint: string): Delimiter {
  const delimiter = DELIMITERS.find((d) => d === hint)
  if (!delimiter) throw new ReadError(`Filen angiver skilletegnet '${hint}' (sep=${hint}). Brug semikolon, komma eller tabulator.`)
  return delimiter
}

/**
 * Line numbers are the rows Excel shows when it opens the file: one per record, also when a quoted
 * field holds a line break (Excel shows it inside the cell), counting empty lines, and not counting
 * the sep= line (Excel hides it). So the header is line 1 unless empty lines come before it.
 */
export function readCsv(text: string): Pick<ReadTable, 'delimiter' | 'headers' | 'rows'> {
  const hint = SEP_LINE.exec(text)
  const body = hint ? text.slice(hint[0].length) : text
  const delimiter = hint ? hintedDelimiter(hint[1] ?? '') : detectDelimiter(body)
  const { data, errors } = Papa.parse<string[]>(body, { delimiter })
  const unclosed = errors.find((error) => error.code === 'MissingQuotes')
  if (unclosed) throw new ReadError(`Linje ${(unclosed.row ?? 0) + 1}: et citationstegn (") bliver aldrig lukket, så resten af filen kan ikke læses.`)
  return { delimiter, ...shapeTable(data.map((cells, index) => ({ line: index + 1, cells }))) }
}
