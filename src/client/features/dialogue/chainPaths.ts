// The addresses of one dialogue and one development plan. Beside the screens that link to them, not
// in paths.ts: the first screen's chunk carries that module, and nothing on it links here.
import { dialoguePath, unitPath } from '../../paths'

export function dialogueItemPath(unitId: string, dialogueId: string): string {
  return `${dialoguePath(unitId)}/${encodeURIComponent(dialogueId)}`
}

export function planPath(unitId: string, planId: string): string {
  return `${unitPath(unitId)}/udviklingsplan/${encodeURIComponent(planId)}`
}
