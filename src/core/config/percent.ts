// A share as the economics team types it into a rule set's form: per cent with a decimal comma
// ("1,5" or "1,5 %" is 0.015), and back ("1,5") to fill the form from the set in force.
import { parseShare } from '../import/values'

/** The share, or null when the text is not a per cent between 0 and 100. */
export function parsePercentInput(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '')
  if (trimmed === '') return null
  const parsed = parseShare(`${trimmed} %`)
  return parsed.ok ? parsed.value : null
}

/** 0.015 → "1,5"; 0.8 → "80": at most four decimals, none trailing. */
export function percentInputText(share: number): string {
  return String(Number((share * 100).toFixed(4))).replace('.', ',')
}
