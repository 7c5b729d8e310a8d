// One municipality per installation: the first is the one (DOMAIN.md; the seed and an import make one).
import type { Db } from '../db/db'
import { ApiError } from '../http/errors'

export interface MunicipalityRow {
  id: string
  name: string
}

export async function theMunicipality(db: Db): Promise<MunicipalityRow | null> {
  const rows = await db.query<MunicipalityRow>('select id, name from municipality order by id limit 1')
  return rows[0] ?? null
}

/** The municipality's id, for the routes that configure it: "not found" before one is made. */
export async function municipalityIdOr404(db: Db): Promise<string> {
  const found = await theMunicipality(db)
  if (!found) throw new ApiError(404, 'not_found', 'Kommunen er ikke oprettet endnu.')
  return found.id
}
