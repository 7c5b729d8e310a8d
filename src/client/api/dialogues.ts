// The dialogue chain's endpoints beside the sync (their shapes: types.ts, from src/core/http/dialogues.ts):
// a module of its own, so the first screen's chunk does not carry them.
import { getJson, postJson } from './http'
import type { DialogueHistory, ReopenResponse } from './types'

export const dialogueApi = {
  history: (dialogueId: string) => getJson<DialogueHistory>(`/api/dialogues/${encodeURIComponent(dialogueId)}/history`),
  reopen: (dialogueId: string, reason: string) => postJson<ReopenResponse>(`/api/dialogues/${encodeURIComponent(dialogueId)}/reopen`, { reason }),
}
