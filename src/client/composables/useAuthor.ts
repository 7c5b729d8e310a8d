// "Who wrote this, and when". Synced records do not carry their author yet (see the report: the
// server should add updatedBy, updatedByName and updatedAt to each record it syncs); until then a
// record made on this device is "dig", and others are told by the role that can write them.
import { useTexts } from './useTexts'
import { useRole } from './useRole'
import { formatDateTime } from '../format'
import type { ServerStamp } from '../recordTypes'

export interface Authored {
  version: number
  data: ServerStamp
}

export function useAuthor() {
  const { t, locale } = useTexts()
  const { meId } = useRole()

  /** `role`: who else can have written it, when the server does not say ("Leder"); null: unknown. */
  function who(record: Authored, role: string | null): string | null {
    const stamp = record.data
    if (record.version === 0 || (stamp.updatedBy && stamp.updatedBy === meId.value)) return t('records.you')
    if (stamp.updatedByName) return stamp.updatedByName
    return role
  }

  function when(record: Authored): string | null {
    const at = record.data.updatedAt
    if (!at) return null
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
