// What every route module gets: the database, the clock, and the session settings.
import type { IsoDate } from '../core/types'
import type { Db } from './db/db'
import type { SessionConfig } from './auth/sessions'

export interface AppContext {
  db: Db
  demo: boolean
  today: () => IsoDate
  session: SessionConfig
}
