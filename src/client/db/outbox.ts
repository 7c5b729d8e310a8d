// How many changes wait for the server. Apart from db/records.ts on purpose: the status line and
// the session need only this count, and must not pull the record schemas (zod) into the first screen.
import { db } from './db'

export function outboxCount(): Promise<number> {
  return db.outbox.count()
}
