// New figures were imported for some units: sync pulled their stamps (the server's unitFigures
// records). The units list's lights and every copy of those units' figures this device holds — on
// screen, or kept to open offline — are fetched anew. Kept out of the units store so that the first
// screen does not carry it: only the sync store, loaded after it, calls this.
import { db } from '../../db/db'
import { useUnitsStore } from './unitsStore'

export async function refreshImportedFigures(unitIds: readonly string[]): Promise<void> {
  const units = useUnitsStore()
  const kept = await db.unitDetails.bulkGet([...unitIds])
  const held = unitIds.filter((id, i) => units.details[id] || kept[i] !== undefined)
  await Promise.all([units.loadUnits(), ...held.map((id) => units.loadDetail(id))])
}
