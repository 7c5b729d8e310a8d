// Process entry: configuration from the environment, database, migrations, the demo data when
// asked for, the built PWA when it exists, and a clean shutdown on SIGTERM/SIGINT.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildApp } from './app'
import { openDb, type Db } from './db/db'
import { migrate } from './db/migrate'
import { demoAccounts } from './repos/people'
import { DEMO_ACCOUNTS_HIGHLIGHT, seedDemo } from './seed/demo'
import { serverClock } from './today'
import { DIALOGUE_LOCK_DAYS } from '../core/history/dialogueLock'

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} skal være et positivt heltal, ikke "${value}".`)
  return n
}

async function main(): Promise<void> {
  const env = process.env
  const port = positiveInt(env.PORT, 8080, 'PORT')
  const host = env.HOST || '0.0.0.0'
  const demo = env.DEMO !== '0'
  const sessionDays = positiveInt(env.SESSION_DAYS, 30, 'SESSION_DAYS')
  const staticDir = resolve(env.STATIC_DIR || 'dist')
  const today = serverClock(env.TODAY)
  const dialogueLockDays = positiveInt(env.DIALOGUE_LOCK_DAYS, DIALOGUE_LOCK_DAYS, 'DIALOGUE_LOCK_DAYS')

  const db = await openDb({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || './data' })
  await migrate(db)
  if (demo) await seedDemo(db, { today: today(), password: env.DEMO_PASSWORD || 'demo' })

  const app = await buildApp({
    db,
    demo,
    today,
    dialogueLockDays,
    logger: true,
    sessionDays,
    trustProxy: env.TRUST_PROXY === '1',
    staticDir: existsSync(staticDir) ? staticDir : undefined,
  })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    try {
      await app.close()
      await db.close()
      process.exit(0)
    } catch (err) {
      app.log.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  const address = await app.listen({ port, host })
  const shown = address.replace('0.0.0.0', 'localhost')
  console.log(`\nMin lederside kører på ${shown} (database: ${db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, dato: ${today()})`)
  if (!existsSync(staticDir)) console.log(`Ingen build i ${staticDir} — kør "npm run build" for at servere appen.`)
  if (demo) await printDemoAccounts(db, env.DEMO_PASSWORD || 'demo', shown)
}

// The highlighted accounts first (a red unit, two units, each OC, directorate, economics), only
// those that really are in the database; the full list is at /api/demo/accounts.
async function printDemoAccounts(db: Db, password: string, address: string): Promise<void> {
  const accounts = await demoAccounts(db)
  const inDb = new Set(accounts.map((a) => a.email))
  const highlighted = DEMO_ACCOUNTS_HIGHLIGHT.filter((a) => inDb.has(a.email))
  const shown = highlighted.length
    ? highlighted.map((a) => ({ email: a.email, text: a.description }))
    : accounts.slice(0, 8).map((a) => ({ email: a.email, text: `${a.role} · ${a.unitName ?? a.areaName ?? 'hele kommunen'}` }))
  console.log(`\nDemo-konti (adgangskode: ${password}):`)
  for (const a of shown) console.log(`  ${a.email.padEnd(38)} ${a.text}`)
  console.log(`  … ${new Set(accounts.map((a) => a.email)).size} konti i alt: ${address}/api/demo/accounts\n`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
