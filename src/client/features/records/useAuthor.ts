// "Who wrote this, and when", from the stamps the server puts on every synced record (updatedBy,
// updatedByName, updatedAt). The person's own changes are "dig": those the server has confirmed,
// and those still waiting on this device (then without a time — the server's is the older change's).
// A record without a name (seeded or imported) is told by the role that can write it.
import { useTexts } from '../../shared/useTexts'
import { useRole } from '../session/useRole'
import { formatDateTime } from '../../shared/format'
import type { ServerStamp } from './recordTypes'

export interface Authored {
  version: number
  data: ServerStamp
  /** Fields changed on this device and not yet accepted by the server. */
  pendingFields?: readonly string[]
}

const waiting = (record: Authored) => record.version === 0 || (record.pendingFields?.length ?? 0) > 0

export function useAuthor() {
  const { t, locale } = useTexts()
  const { meId } = useRole()

  /** `role`: who else can have written it, when the server does not say ("Leder"); null: unknown. */
  function who(record: Authored, role: string | null): string | null {
    const stamp = record.data
    if (waiting(record) || (stamp.updatedBy && stamp.updatedBy === meId.value)) return t('records.you')
    if (stamp.updatedByName) return stamp.updatedByName
    return role
  }

  function when(record: Authored): string | null {
    const at = record.data.updatedAt
    if (!at || waiting(record)) return null
    const { date, time } = formatDateTime(at, locale.value)
    return t('records.at', { date, time })
  }

  /** "Skrevet af dig · 3. november 2026 kl. 09.30"; parts that are unknown are left out. */
  function byline(record: Authored, role: string | null = null): string {
    const by = who(record, role)
    const at = when(record)
    return [by ? t('records.by', { who: by }) : null, at].filter(Boolean).join(' · ')
  }

  return { who, when, byline }
}
