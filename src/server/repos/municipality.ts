// One municipality per installation: the first is the one (DOMAIN.md; the seed and an import make one).
import type { Db } from '../db/db'

export interface MunicipalityRow {
  id: string
  name: string
}

export async function theMunicipality(db: Db): Promise<MunicipalityRow | null> {
  const rows = await db.query<MunicipalityRow>('select id, name from municipality order by id limit 1')
  return rows[0] ?? null
}
