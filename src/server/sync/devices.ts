// A device (one installed app on one phone or tablet) belongs to the person who first synced from
// it. The idempotency of push is per device, so a device id must never be shared between people:
// another person's session presenting it is refused.
import type { Db } from '../db/db'

/** Registers the device on first use; false when it already belongs to someone else. */
export async function claimDevice(db: Db, deviceId: string, personId: string): Promise<boolean> {
  const rows = await db.query<{ person_id: string }>(
    `insert into device (id, person_id) values ($1, $2)
     on conflict (id) do update set id = excluded.id
     returning person_id`,
    [deviceId, personId],
  )
  return rows[0]?.person_id === personId
}
