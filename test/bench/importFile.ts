// The import bench's file: what a finance system exports for a large municipality in two years.
import { writeFileSync } from 'node:fs'
import iconv from 'iconv-lite'

export const UNITS = 1_000
const ACCOUNTS = ['4010', '4510', '5010', '7010']

/** A Windows-1252 export of 1,000 units × 24 months × 4 account lines + 4 lines each of an excluded account group: 100,000 lines. */
export function writeExportFile(path: string): void {
  writeFileSync(path, exportFile())
}

function exportFile(): Buffer {
  const lines = ['Omk.sted;Art;Periode;Korrigeret budget;Forbrug år til dato;Tekst']
  const money = (n: number) => n.toLocaleString('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  for (let u = 1; u <= UNITS; u++) {
    for (let m = 0; m < 24; m++) {
      const year = 2025 + Math.floor(m / 12)
      const month = (m % 12) + 1
      for (const [a, account] of ACCOUNTS.entries()) {
        const budget = 1_000_000 * (a + 1) + u
        lines.push(`cc${100000 + u};${account};${month}-${year};${money(budget)};${money((budget * month) / 12)};Løn og øvrige udgifter`)
      }
    }
    // An account group the mapping leaves out (internal transfers), as real exports carry.
    for (let k = 0; k < 4; k++) lines.push(`cc${100000 + u};9${k}00;12-2026;${money(-5_000)};${money(-5_000)};Intern overførsel`)
  }
  return iconv.encode(lines.join('\r\n'), 'win1252')
}
