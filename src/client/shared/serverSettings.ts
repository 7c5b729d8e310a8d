// The server's settings that the device's rules need to judge as the server does (GET /api/session:
// `settings`), remembered for the next start, offline too. Today: how many days after "Dialog
// afholdt" a dialogue locks (DIALOGUE_LOCK_DAYS), so a locked dialogue reads as locked on the device.
import { DIALOGUE_LOCK_DAYS } from '../../core/history/dialogueLock'

const STORAGE_KEY = 'mls.serverSettings'

export interface ServerSettings {
  dialogueLockDays: number
}

let current: ServerSettings = read()

function read(): ServerSettings {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<ServerSettings> | null
    if (stored && Number.isInteger(stored.dialogueLockDays) && stored.dialogueLockDays! >= 0) return { dialogueLockDays: stored.dialogueLockDays! }
  } catch {
    // Storage blocked or garbled: the default until the server says.
  }
  return { dialogueLockDays: DIALOGUE_LOCK_DAYS }
}

export function adoptServerSettings(settings: ServerSettings | undefined): void {
  if (!settings) return
  current = { dialogueLockDays: settings.dialogueLockDays }
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(current))
  } catch {
    // Storage blocked: the answer holds for this visit only.
  }
}

export function serverSettings(): ServerSettings {
  return current
}
