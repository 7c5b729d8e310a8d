// The area chief's "Genåbn" of a locked dialogue and its history: both the server's (the reopening
// is logged with who and why; the history is the audit log), so both need the network. After a
// reopening the record itself arrives by the next sync, which this asks for at once.
import { ref } from 'vue'
import { classifyError, type DialogueHistory } from '../../api'
import { dialogueApi } from '../../api/dialogues'
import { useSyncStore } from '../sync/syncStore'

export const OFFLINE = 'offline'

export function useDialogueLock(dialogueId: () => string) {
  const history = ref<DialogueHistory['entries'] | null>(null)
  const error = ref('')
  const busy = ref(false)

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = ''
    try {
      return await work()
    } catch (err) {
      const found = classifyError(err)
      // Offline says nothing of its own: the component says that this needs a connection.
      error.value = found.kind === 'offline' ? OFFLINE : found.message
      return null
    } finally {
      busy.value = false
    }
  }

  async function reopen(reason: string): Promise<boolean> {
    const done = await run(() => dialogueApi.reopen(dialogueId(), reason))
    if (done === null) return false
    void useSyncStore().syncNow()
    return true
  }

  async function loadHistory(): Promise<void> {
    const answer = await run(() => dialogueApi.history(dialogueId()))
    if (answer) history.value = answer.entries
  }

  return { history, error, busy, reopen, loadHistory }
}
