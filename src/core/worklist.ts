// The OC's work list: the units filtered by a light's colour and searched by name. Search ignores
// case and accents (é is e, ü is u) but keeps the Danish letters æ, ø and å as letters of their
// own: "ålborg" must not match "Alborg". Linear in the units, the query normalised once.
import type { Colour, IndicatorKey } from './types'

export interface WorklistUnit {
  name: string
  overall: Colour
  lights: Partial<Record<IndicatorKey, { colour: Colour }>>
}

export interface WorklistFilter {
  indicator?: IndicatorKey
  colour?: Colour
  query?: string
}

// Only a character beyond ASCII can carry an accent, so ASCII names pass through untouched.
const BEYOND_ASCII = /[\u0080-\u{10ffff}]/gu
const COMBINING_MARKS = /\p{M}/gu

/** Lower case without accents, æ ø å kept; for comparing names, not for showing them. */
export function searchForm(text: string): string {
  // NFC first, so an å typed as a + combining ring is the one letter å, which is then kept whole.
  const lower = text.normalize('NFC').toLocaleLowerCase('da')
  return lower.replace(BEYOND_ASCII, (ch) => (ch === 'æ' || ch === 'ø' || ch === 'å' ? ch : ch.normalize('NFD').replace(COMBINING_MARKS, '')))
}

/**
 * The units that pass the filter, in their given order. Indicator and colour: that indicator's light
 * has the colour. Colour alone: the overall colour. An indicator without a colour filters nothing.
 * Query: the name contains it, case and accents aside (blank matches all).
 */
export function filterUnits<U extends WorklistUnit>(units: readonly U[], filter: WorklistFilter): U[] {
  const { indicator, colour } = filter
  const query = searchForm(filter.query?.trim() ?? '')
  return units.filter((unit) => {
    if (colour !== undefined && (indicator !== undefined ? unit.lights[indicator]?.colour : unit.overall) !== colour) return false
    return query === '' || searchForm(unit.name).includes(query)
  })
}
