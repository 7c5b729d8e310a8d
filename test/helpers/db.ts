// A fresh, migrated database for one test file. In-memory PGlite by default; with
// TEST_DATABASE_URL (a PostgreSQL URL to an admin database such as `postgres`) a new uniquely
// named database on that server, dropped again on close. The same tests run on both.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDb, type Db } from '../../src/server/db/db'
import { migrate } from '../../src/server/db/migrate'

export async function freshDb(opts: { migrate?: boolean } = {}): Promise<Db> {
  const adminUrl = process.env.TEST_DATABASE_URL
  const db = adminUrl ? await freshPostgres(adminUrl) : await openDb({ dataDir: 'memory://' })
  if (opts.migrate !== false) await migrate(db)
  return db
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function freshPostgres(adminUrl: string): Promise<Db> {
  const name = `mls_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await admin(adminUrl, (c) => c.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = await openDb({ databaseUrl: url.toString() })
  return {
    ...db,
    async close() {
      await db.close()
      await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`))
    },
  }
}
