// The plan of a balance accounts file: its lines checked (a cost centre the app knows; core's
// checks of keys and dates) and compared with the stored accounts. The file speaks for the units
// and years it names: an account of such a unit and year that the file no longer lists is removed,
// and nothing else of theirs or of other units is touched — so importing last month's file again
// puts things back as they were. Written in bulk with an audit row each (old and new value).
import { randomUUID } from 'node:crypto'
import { accountLines, accountScope, type AccountLine } from '../../core/import/balance'
import type { BalanceAccount, IsoDate } from '../../core/types'
import type { Db } from '../db/db'
import { balanceAccountOf } from '../repos/figures'
import { readKnown } from './importUnits'
import { auditOf, compareInScopes, planOfChanges, writeChanges, type RecordChange, type ScopedRecords } from './changes'
import type { ImportPlan } from './run'
import type { Source } from './source'

type AccountChange = RecordChange<BalanceAccount>

const keyOf = (a: { unitId: string; number: string; dueDate: IsoDate }) => `${a.unitId}|${a.number}|${a.dueDate}`
const same = (a: BalanceAccount, b: BalanceAccount) => a.name === b.name && a.reconciledOn === b.reconciledOn

async function storedAccounts(db: Db, unitIds: string[]): Promise<BalanceAccount[]> {
  const rows = await db.query<Record<string, unknown>>(
    'select id, unit_id, number, name, due_date, reconciled_on from balance_account where unit_id = any($1)',
    [unitIds],
  )
  return rows.map(balanceAccountOf)
}

const ACCOUNTS: ScopedRecords<AccountLine, BalanceAccount> = {
  key: keyOf,
  scope: (a) => accountScope(a.unitId, a.dueDate),
  build: (line, unitId, before) => ({
    id: before?.id ?? `ba-${randomUUID()}`,
    unitId,
    number: line.number,
    name: line.name,
    dueDate: line.dueDate,
    reconciledOn: line.reconciledOn,
  }),
  same,
}

function writeAccounts(tx: Db, changes: readonly AccountChange[], personId: string, importId: string): Promise<void> {
  const row = (a: BalanceAccount) => ({ id: a.id, unit_id: a.unitId, number: a.number, name: a.name, due_date: a.dueDate, reconciled_on: a.reconciledOn })
  return writeChanges(
    tx,
    changes,
    {
      remove: async (accounts) => void (await tx.query('delete from balance_account where id = any($1)', [accounts.map((a) => a.id)])),
      upsert: async (accounts) =>
        void (await tx.query(
          `insert into balance_account (id, unit_id, number, name, due_date, reconciled_on)
           select x.id, x.unit_id, x.number, x.name, x.due_date, x.reconciled_on
             from jsonb_to_recordset($1::jsonb) as x(id text, unit_id text, number text, name text, due_date date, reconciled_on date)
           on conflict (id) do update set name = excluded.name, reconciled_on = excluded.reconciled_on`,
          [JSON.stringify(accounts.map(row))],
        )),
      audit: (c) => auditOf('balance_account', c, c.after.id),
    },
    personId,
    importId,
  )
}

export async function planBalanceImport(db: Db, source: Source, today: IsoDate): Promise<ImportPlan> {
  const { read, units, ofUnits } = await readKnown(db, 'balance', source)
  const checked = accountLines(ofUnits.known, today)
  const unitIds = [...new Set(checked.accounts.map((a) => units.get(a.costCentre)!.id))]
  const changes = compareInScopes(checked.accounts, await storedAccounts(db, unitIds), units, ACCOUNTS)
  return planOfChanges({
    read,
    issues: [...ofUnits.issues, ...checked.issues],
    changes,
    unitOf: (a) => a.unitId,
    row: (c) => ({ label: c.after.number, values: { accountName: c.after.name, dueDate: c.after.dueDate, reconciledOn: c.after.reconciledOn } }),
    order: (a, b) => a.label.localeCompare(b.label, 'da') || String(a.values.dueDate).localeCompare(String(b.values.dueDate)),
    write: (tx, personId, importId) => writeAccounts(tx, changes, personId, importId),
  })
}
