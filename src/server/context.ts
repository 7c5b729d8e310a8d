// What every route module gets: the database, the clock, the session settings and the synced kinds.
import type { SyncKind } from '../core/sync/kind'
import type { IsoDate } from '../core/types'
import type { Db } from './db/db'
import type { SessionConfig } from './auth/sessions'

export interface AppContext {
  db: Db
  demo: boolean
  today: () => IsoDate
  /** Days after "Dialog afholdt" that a dialogue's minutes lock (DIALOGUE_LOCK_DAYS, default 14). */
  dialogueLockDays: number
  session: SessionConfig
  /** The synced kinds this app serves (default the core's; a test may add its own). */
  syncKinds: readonly SyncKind[]
}
