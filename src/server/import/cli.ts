// `npm run import -- FILE [--kind organisation|figures|balance|actionPlan|indicatorValues] [--as E-MAIL] [--sheet NAME] [--scale 1|1000|1000000] [--preview]`
// The same import as the screens and POST /api/imports, from the command line, for a nightly export:
// on the database the server uses (DATA_DIR or DATABASE_URL), in the name of an economics person
// (--as, default the first one), with the mapping remembered for files with these headers. Prints
// what it did or every error; exits 1 when the file was refused, so a script can tell.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { IMPORT_KINDS, type ImportKind, type Scale } from '../../core/import/fields'
import { openDb } from '../db/db'
import { migrate } from '../db/migrate'
import { serverClock } from '../today'
import { commitImport, previewImport } from './run'

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string', default: 'figures' },
      as: { type: 'string' },
      sheet: { type: 'string' },
      scale: { type: 'string' },
      preview: { type: 'boolean' },
    },
  })
  const file = positionals[0]
  const kind = values.kind as ImportKind
  if (!file || !IMPORT_KINDS.includes(kind)) {
    console.error(`Brug: npm run import -- FIL [--kind ${IMPORT_KINDS.join('|')}] [--as E-MAIL] [--sheet ARK] [--scale 1|1000|1000000] [--preview]`)
    return 2
  }
  const scale = values.scale === undefined ? undefined : (Number(values.scale) as Scale)
  const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' })
  try {
    await migrate(db)
    const people = await db.query<{ id: string; email: string }>(
      `select p.id, p.email from person p join role_assignment r on r.person_id = p.id
        where r.role = 'economics' and ($1::text is null or p.email = $1) order by p.email limit 1`,
      [values.as ?? null],
    )
    const person = people[0]
    if (!person) {
      console.error(values.as ? `${values.as} er ikke i økonomiteamet.` : 'Der er ingen i økonomiteamet at importere i navn af (--as).')
      return 2
    }
    const content = (await readFile(file)).toString('base64')
    const request = { kind, fileName: basename(file), content, sheet: values.sheet, scale }
    const ctx = { db, today: serverClock(process.env.TODAY)(), personId: person.id }
    if (values.preview) {
      const p = await previewImport(ctx, request)
      for (const e of p.errors) console.error(e.message)
      console.log(`Forhåndsvisning: ${p.counts.new} nye, ${p.counts.changed} ændrede, ${p.counts.unchanged} uændrede; ${p.errorCount} fejl.`)
      return p.errorCount > 0 ? 1 : 0
    }
    const outcome = await commitImport(ctx, request)
    if (!outcome.ok) {
      for (const e of outcome.errors) console.error(e.message)
      if (outcome.errorCount > outcome.errors.length) console.error(`… og ${outcome.errorCount - outcome.errors.length} fejl mere.`)
      console.error(`Filen blev ikke importeret (${outcome.errorCount} fejl). Intet er skrevet.`)
      return 1
    }
    const c = outcome.result.counts
    console.log(
      `Importeret som ${person.email}: ${c.new} nye, ${c.changed} ændrede, ${c.unchanged} uændrede. ${outcome.result.lightChanges.length} lys skifter farve.`,
    )
    return 0
  } finally {
    await db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
