// When the area chief last looked at each unit's dialogue page, on this device: a preparation the
// leader marked "Klar til dialog" after that is news in the inbox ("Det skal du"). Kept in
// localStorage — it is this person's reading, not a record anyone else needs.
const KEY = 'mls.oc.seenUnits'

type Seen = Record<string, string>

function read(): Seen {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as unknown
    return stored && typeof stored === 'object' ? (stored as Seen) : {}
  } catch {
    return {}
  }
}

/** The ISO moment the unit's page was last opened here, or null. */
export function lastSeen(unitId: string): string | null {
  return read()[unitId] ?? null
}

export function markSeen(unitId: string, at: Date = new Date()): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...read(), [unitId]: at.toISOString() }))
  } catch {
    // Storage blocked: the inbox shows the preparation again next time, which is the safe side.
  }
}
