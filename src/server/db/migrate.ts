// Runs migrations/*.sql in name order, each once and each in its own transaction, and records it
// in schema_migration; then checks that every synced kind's table has the columns its declaration
// needs and (re)creates the SQL generated from the declarations (the pull functions,
// src/server/sync/pullSql.ts), so it always matches this build. Safe to run at
// every start and from several servers (an advisory lock keeps two starting servers from migrating
// at the same time on PostgreSQL).
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { SyncKind } from '../../core/sync/kind'
import { CORE_SYNC_KINDS } from '../../core/sync/kinds'
import { checkSyncTables } from '../sync/checkTables'
import { installPullFunctions } from '../sync/pullSql'
import type { Db } from './db'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
const LOCK_KEY = 424242

export interface MigrateOptions {
  /** Folder of the SQL migrations; default the app's own. */
  dir?: string
  /** The synced kinds whose generated SQL to install; default the core's. */
  kinds?: readonly SyncKind[]
}

export async function migrate(db: Db, opts: MigrateOptions = {}): Promise<string[]> {
  const dir = opts.dir ?? MIGRATIONS_DIR
  await db.exec(`create table if not exists schema_migration (
    name       text primary key,
    applied_at timestamptz not null default now()
  )`)
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  const applied: string[] = []
  for (const name of files) {
    const sql = await readFile(`${dir}/${name}`, 'utf8')
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
      const done = await tx.query('select 1 from schema_migration where name = $1', [name])
      if (done.length > 0) return false
      await tx.exec(sql)
      await tx.query('insert into schema_migration (name) values ($1)', [name])
      return true
    })
    if (ran) applied.push(name)
  }
  const kinds = opts.kinds ?? CORE_SYNC_KINDS
  // Every declared kind must find its table as its declaration needs it: a clear error at start.
  await checkSyncTables(db, kinds)
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
    await installPullFunctions(tx, kinds)
  })
  return applied
}
