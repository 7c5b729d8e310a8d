// After an import, each unit whose data it changed gets its figures stamp rewritten through the one
// writer of synced data: the devices that hold the unit pull the stamp and fetch the unit's figures
// and lights anew. A unit the import did not change keeps its stamp, so a file imported twice
// gives the devices nothing new to pull.
import { recordIdFor } from '../../core/sync/kind'
import { unitFiguresKind } from '../../core/sync/kinds'
import type { Db } from '../db/db'
import { writeSynced } from '../sync/writer'

export async function stampUnits(tx: Db, unitIds: Iterable<string>, importId: string, personId: string, at: string): Promise<void> {
  for (const unitId of new Set(unitIds)) {
    const id = recordIdFor(unitFiguresKind, { unitId })
    const result = await writeSynced(tx, { kind: unitFiguresKind, id, scopeId: unitId, op: 'upsert', fields: { importedAt: at, importId }, personId, at })
    if (result.status !== 'applied') throw new Error(`the figures stamp of ${unitId} was not written: ${JSON.stringify(result)}`)
  }
}
