// An import file's bytes → one table of cells. The format is told by the content, not the name: a
// "budget.csv" saved from Excel as a workbook is still a workbook.
import { readCsv } from './csv'
import { decodeText } from './decode'
import { ReadError, type ReadTable } from './types'
import { readXlsx } from './xlsx'

export { ReadError, type ReadTable } from './types'

const ZIP = [0x50, 0x4b, 0x03, 0x04] // "PK": an XLSX file is a ZIP archive
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0] // the container of an .xls file and of a password-protected workbook
const startsWith = (bytes: Uint8Array, signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte)
// A text file holds no control characters but tab and line breaks; a PDF, an image or a program does.
const BINARY = /(?![\t\n\r])\p{Cc}/u

export async function readTable(bytes: Uint8Array, fileName: string, options: { sheet?: string } = {}): Promise<ReadTable> {
  if (bytes.length === 0) throw new ReadError('Filen er tom.')
  if (startsWith(bytes, ZIP)) {
    return { format: 'xlsx', encoding: null, delimiter: null, ...(await readXlsx(bytes, options.sheet)) }
  }
  if (startsWith(bytes, OLE2)) {
    // The same container holds both; the name tells which one the person is likely to have.
    throw new ReadError(
      /\.xls$/i.test(fileName)
        ? 'Filen er en gammel Excel-fil (.xls). Gem den i Excel som .xlsx eller CSV, og prøv igen.'
        : 'Filen er beskyttet med en adgangskode eller er en gammel Excel-fil (.xls). Gem den i Excel som .xlsx uden adgangskode eller som CSV, og prøv igen.',
    )
  }
  const decoded = decodeText(bytes)
  // Old DOS-era exports end the file with Ctrl-Z (U+001A), the end-of-file mark of CP/M and MS-DOS.
  const text = decoded.text.endsWith('\u001a') ? decoded.text.slice(0, -1) : decoded.text
  if (BINARY.test(text)) throw new ReadError('Filen er hverken CSV eller XLSX.')
  return { format: 'csv', encoding: decoded.encoding, sheets: [], sheet: null, ...readCsv(text) }
}
