// One small database interface over two engines: PGlite (Postgres in WASM, embedded, on disk or in
// memory) for laptops and small sites, and PostgreSQL through `pg` for a municipality-wide
// deployment. The SQL dialect is the same, so repositories never ask which one they talk to.
import { mkdirSync } from 'node:fs'
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite'
import pg from 'pg'

export interface Db {
  kind: 'pglite' | 'postgres'
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction; a nested call joins the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface OpenDbOptions {
  databaseUrl?: string
  /** Folder for PGlite's files; 'memory://' keeps everything in memory. Default ./data */
  dataDir?: string
}

const DATE_OID = 1082
const INT8_OID = 20

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl)
  return openPglite(opts.dataDir ?? './data')
}

// Dates stay 'YYYY-MM-DD' strings on both engines: turning them into JS Dates would shift them by
// the server's time zone. Numerics stay strings (exact); repositories convert with Number().
async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  const pglite = await PGlite.create(dataDir, {
    parsers: { [DATE_OID]: (value: string) => value, [pgliteTypes.INT8]: (value: string) => Number(value) },
  })
  type Queryable = Pick<PGlite, 'query' | 'exec'>
  const wrap = (q: Queryable, inTransaction: boolean): Db => ({
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await q.query<T>(sql, params)
      return result.rows
    },
    async exec(sql: string) {
      await q.exec(sql)
    },
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(wrap(q, true))
      return pglite.transaction((tx) => fn(wrap(tx, true)))
    },
    close: () => pglite.close(),
  })
  return wrap(pglite, false)
}

async function openPostgres(databaseUrl: string): Promise<Db> {
  const parsers: Record<number, (value: string) => unknown> = {
    [DATE_OID]: (value) => value,
    [INT8_OID]: (value) => Number(value),
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client that errors (e.g. the server restarts) must not crash the process.
  pool.on('error', () => undefined)
  type Queryable = Pick<pg.Pool, 'query'>
  const wrap = (q: Queryable, client: pg.PoolClient | null): Db => ({
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const result = await q.query(sql, params)
      return result.rows as T[]
    },
    async exec(sql: string) {
      await q.query(sql)
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (client) return fn(wrap(client, client))
      const c = await pool.connect()
      try {
        await c.query('BEGIN')
        const result = await fn(wrap(c, c))
        await c.query('COMMIT')
        return result
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        c.release()
      }
    },
    close: () => pool.end(),
  })
  // Verify the connection now, so a wrong DATABASE_URL fails at start and not at first request.
  await pool.query('select 1')
  return wrap(pool, null)
}
