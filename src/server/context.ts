// What every route module gets: the database, the clock, the session settings and the synced kinds.
import type { SyncKind } from '../core/sync/kind'
import type { IsoDate } from '../core/types'
import type { Db } from './db/db'
import type { SessionConfig } from './auth/sessions'

export interface AppContext {
  db: Db
  demo: boolean
  today: () => IsoDate
  /**
   * Days after "Dialog afholdt" that a dialogue's minutes lock today: the municipality's settings
   * in force (config/settings.ts), before any the installation's DIALOGUE_LOCK_DAYS (default 14).
   */
  lockDays: () => Promise<number>
  /** The installation's DIALOGUE_LOCK_DAYS: the lock days before the municipality has settings. */
  dialogueLockDays: number
  session: SessionConfig
  /** The synced kinds this app serves (default the core's; a test may add its own). */
  syncKinds: readonly SyncKind[]
}
