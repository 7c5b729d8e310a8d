// The app's addresses, in Danish, built in one place: an indicator's page is
// /enhed/<unit>/handleplan, not /enhed/<unit>/actionPlan. The English names of the first
// version still open the page (the router redirects them), so saved bookmarks keep working.
import { INDICATORS, type IndicatorKey } from '../core/types'

export const INDICATOR_SLUGS: Readonly<Record<IndicatorKey, string>> = {
  budget: 'budget',
  actionPlan: 'handleplan',
  forecast: 'prognosesikkerhed',
  balance: 'balancekonti',
}

/** The indicator a URL segment names, or null. Case-insensitive, as the router matches paths. */
export function indicatorFromSlug(slug: string): IndicatorKey | null {
  const lower = slug.toLowerCase()
  return INDICATORS.find((key) => INDICATOR_SLUGS[key] === lower) ?? null
}

/** The Danish segment for a segment of the first version's English addresses, or null. */
export function legacySlug(segment: string): string | null {
  const lower = segment.toLowerCase()
  const key = INDICATORS.find((k) => k.toLowerCase() === lower)
  return key && INDICATOR_SLUGS[key] !== lower ? INDICATOR_SLUGS[key] : null
}

export function unitPath(unitId: string): string {
  return `/enhed/${encodeURIComponent(unitId)}`
}

export function indicatorPath(unitId: string, indicator: IndicatorKey): string {
  return `${unitPath(unitId)}/${INDICATOR_SLUGS[indicator]}`
}

export function stepsPath(unitId: string, indicator: IndicatorKey, step?: number): string {
  return `${indicatorPath(unitId, indicator)}/trin${step === undefined ? '' : `/${step}`}`
}

export function forecastEntryPath(unitId: string): string {
  return `${unitPath(unitId)}/prognose`
}

export function notesPath(unitId: string): string {
  return `${unitPath(unitId)}/noter`
}

/** The unit's dialogue chain: its dialogues, follow-ups, plans and timeline. */
export function dialoguePath(unitId: string): string {
  return `${unitPath(unitId)}/dialog`
}

/** Enough of a synced record to know which page shows it with its sync state. */
export interface RecordPlace {
  table: string
  unitId: string
  indicator: string | null
}

function asIndicator(value: string | null): IndicatorKey {
  return (INDICATORS as readonly string[]).includes(value ?? '') ? (value as IndicatorKey) : 'budget'
}

/** The page where a record, and its conflict or refusal, is shown: where the person can act on it. */
export function recordPath(place: RecordPlace): string {
  switch (place.table) {
    case 'explanation':
      return stepsPath(place.unitId, asIndicator(place.indicator), 2)
    case 'initiative':
      return stepsPath(place.unitId, asIndicator(place.indicator), 3)
    case 'dialoguePreparation':
      return stepsPath(place.unitId, 'budget', 5)
    case 'forecast':
      return forecastEntryPath(place.unitId)
    case 'actionPlanItem':
      return indicatorPath(place.unitId, 'actionPlan')
    case 'note':
      return notesPath(place.unitId)
    default:
      return dialoguePath(place.unitId)
  }
}
