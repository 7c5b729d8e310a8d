// The sync store, loaded when first needed. It brings the scheduler, and with its first run the
// engine and every record schema: none of that is on the first screen's path. The shell (starting
// sync after sign-in), the header (the status line) and the session store (logout, the wipe for
// another person) reach it through here; the later screens import it directly.
import type { useSyncStore } from './syncStore'

export type SyncStore = ReturnType<typeof useSyncStore>

export async function loadSyncStore(): Promise<SyncStore> {
  return (await import('./syncStore')).useSyncStore()
}
