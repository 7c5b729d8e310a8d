// The indicators a municipality judges its units by. The economics team may switch one off for the
// whole municipality (a municipality that does not keep balance accounts, say); it then disappears
// from every screen and report: it is not judged, so it is neither shown nor counted in a unit's
// overall colour or the worst-first order, and no dialogue can take it up as a topic.
import { INDICATORS, type IndicatorKey } from '../types'

/** The indicators in use, in their fixed order: all four but those switched off. */
export function indicatorsInUse(off: readonly IndicatorKey[] = []): IndicatorKey[] {
  return INDICATORS.filter((key) => !off.includes(key))
}

/** A unit's lights in the fixed indicator order; one switched off is not among them. */
export function lightsInOrder<L>(lights: Partial<Record<IndicatorKey, L>>): L[] {
  return INDICATORS.flatMap((key) => lights[key] ?? [])
}
