// The column mapping remembered per source: a finance system's export has the same headers every
// month, so the mapping the economics team made once (and the unit of its amounts, and the account
// groups it leaves out) is offered again for a file with the same set of headers.
import type { ColumnMapping, ImportKind, Scale } from '../../core/import/fields'
import type { Db } from '../db/db'

export interface RememberedMapping {
  mapping: ColumnMapping
  scale: Scale
  excludeAccounts: string[]
}

export async function rememberedMapping(db: Db, signature: string): Promise<RememberedMapping | null> {
  const rows = await db.query<{ mapping: ColumnMapping; scale: number; exclude_accounts: string[] }>(
    'select mapping, scale, exclude_accounts from import_mapping where signature = $1',
    [signature],
  )
  const row = rows[0]
  return row ? { mapping: row.mapping, scale: row.scale as Scale, excludeAccounts: row.exclude_accounts } : null
}

export async function rememberMapping(db: Db, kind: ImportKind, signature: string, remembered: RememberedMapping, personId: string): Promise<void> {
  await db.query(
    `insert into import_mapping (signature, kind, mapping, scale, exclude_accounts, updated_by)
     values ($1, $2, $3::jsonb, $4, $5::jsonb, $6)
     on conflict (signature) do update set mapping = excluded.mapping, scale = excluded.scale,
       exclude_accounts = excluded.exclude_accounts, updated_by = excluded.updated_by, updated_at = now()`,
    [signature, kind, JSON.stringify(remembered.mapping), remembered.scale, JSON.stringify(remembered.excludeAccounts), personId],
  )
}
