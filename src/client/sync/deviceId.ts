// A stable id for this browser profile, kept in Dexie beside the data it syncs. With the mutation
// id it makes every push idempotent on the server. It goes with the data: after a logout wipe, or
// when another person signs in, the device starts again with a new id (the server binds an id to
// the person who first used it).
import { db } from '../db/db'

export function deviceId(): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('deviceId')
    if (typeof row?.value === 'string') return row.value
    const id = crypto.randomUUID()
    await db.meta.put({ key: 'deviceId', value: id })
    return id
  })
}

/** The server says the id belongs to someone else: start again with a new one. */
export async function renewDeviceId(): Promise<void> {
  await db.meta.delete('deviceId')
}
