// After an import, each unit whose data it changed gets its figures stamp rewritten through the one
// writer of synced data: the devices that hold the unit pull the stamp and fetch the unit's figures
// and lights anew. A unit the import did not change keeps its stamp, so a file imported twice
// gives the devices nothing new to pull. A new rule set stamps the units it may judge the same
// way (config/ruleSets.ts); the stamp's importId then names the rule set.
import { recordIdFor } from '../../core/sync/kind'
import { unitFiguresKind } from '../../core/sync/kinds'
import type { Db } from '../db/db'
import { writeSyncedMany } from '../sync/writer'

export async function stampUnits(tx: Db, unitIds: Iterable<string>, changeId: string, personId: string, at: string): Promise<void> {
  const writes = [...new Set(unitIds)].map((unitId) => ({
    kind: unitFiguresKind,
    id: recordIdFor(unitFiguresKind, { unitId }),
    scopeId: unitId,
    op: 'upsert' as const,
    fields: { importedAt: at, importId: changeId },
    personId,
    // The audit row's key: this change's write of this unit's stamp.
    mutationId: `${changeId}/${unitId}`,
    at,
  }))
  const refused = (await writeSyncedMany(tx, writes)).find((r) => r.status !== 'applied')
  if (refused) throw new Error(`a figures stamp was not written: ${JSON.stringify(refused)}`)
}
