// A pull asks scopeFor() — the one authorisation function — but devices pull often (every minute,
// and in bursts of pages), so its answer is reused for a few seconds per person. A changed role
// therefore reaches pulls within SCOPE_TTL_MS; pushes never use this and always ask afresh.
import { scopeFor, type Scope } from '../auth/scope'
import type { Db } from '../db/db'

export const SCOPE_TTL_MS = 5_000
const MAX_ENTRIES = 10_000

export class ScopeMemo {
  private readonly entries = new Map<string, { scope: Promise<Scope>; until: number }>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  get(db: Db, personId: string): Promise<Scope> {
    const now = this.now()
    const hit = this.entries.get(personId)
    if (hit && hit.until > now) return hit.scope
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    const scope = scopeFor(db, personId)
    this.entries.set(personId, { scope, until: now + SCOPE_TTL_MS })
    // A failed lookup is not remembered.
    scope.catch(() => this.entries.delete(personId))
    return scope
  }
}
