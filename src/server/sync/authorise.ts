// Who may write which synced record, decided from the same scope as every read (auth/scope.ts).
// Leaders write the records of their own units (notes only shared ones); area chiefs write notes
// (shared or private) and dialogues for the units of their area; the directorate and the economics
// data team read, they do not write here.
import type { SyncTable } from '../../core/sync/tables'
import type { Scope } from '../auth/scope'

const LEADER_WRITES: ReadonlySet<SyncTable> = new Set<SyncTable>([
  'actionPlanItem', 'forecast', 'explanation', 'initiative', 'note', 'dialoguePreparation',
])
const AREA_CHIEF_WRITES: ReadonlySet<SyncTable> = new Set<SyncTable>(['note', 'dialogue'])

/**
 * May this person write a record of `table` in `unitId`? For notes pass the visibility the note has
 * (or is created with): an OC private note belongs to the area chiefs alone.
 */
export function mayWrite(scope: Scope, table: SyncTable, unitId: string, noteVisibility?: unknown): boolean {
  const leads = scope.roles.some((g) => g.role === 'leader' && g.unitId === unitId)
  const asLeader = leads && LEADER_WRITES.has(table) && (table !== 'note' || noteVisibility !== 'oc_private')
  const asAreaChief = scope.seesPrivateOcNotes.has(unitId) && AREA_CHIEF_WRITES.has(table)
  return asLeader || asAreaChief
}
