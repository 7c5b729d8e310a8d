// A change the server refused for good ('invalid', 'forbidden', …) stays on the record, with its
// reason, until the person fixes or discards it (RecordStatus.vue). Fixing is editing again: an edit
// of a refused create is laid over what was refused — it has no server copy to be laid over, and
// the form sends only what it shows — and a write that carries every refused field again settles
// the refusal, so the fixed record no longer says it was refused.
import type { DeviceRecord } from '../../core/sync/device'

/** What a refused create held, for an edit of a record the server never took; {} otherwise. */
export function refusedCreateFields(rec: DeviceRecord | undefined, serverHasIt: boolean): Record<string, unknown> {
  if (serverHasIt) return {}
  const refused = rec?.rejections.find((r) => r.op === 'upsert')
  return refused ? { ...refused.fields } : {}
}

/** The record without the refusals of changes that the new write makes again in full. */
export function settleRefusals(rec: DeviceRecord, written: readonly string[]): DeviceRecord {
  const settled = (fields: Record<string, unknown>) => {
    const names = Object.keys(fields)
    return names.length > 0 && names.every((name) => written.includes(name))
  }
  return { ...rec, rejections: rec.rejections.filter((r) => r.op !== 'upsert' || !settled(r.fields)) }
}
