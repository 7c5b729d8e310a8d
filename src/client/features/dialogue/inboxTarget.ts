// Where an inbox item is done: its dialogue's page, its plan's page, or the unit's dialogues.
import type { InboxItem } from '../../../core/dialogue/inbox'
import { dialoguePath } from '../../paths'
import { dialogueItemPath, planPath } from './chainPaths'

export function inboxTarget(item: InboxItem): string {
  switch (item.kind) {
    case 'dialogue':
    case 'followUp':
    case 'action':
      return dialogueItemPath(item.unitId, item.dialogueId)
    case 'planAcknowledgement':
      return planPath(item.unitId, item.planId)
    case 'preparationReady':
      return dialoguePath(item.unitId)
  }
}
