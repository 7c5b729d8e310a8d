// The demo's example files for the import, made from what the demo holds on the day the server
// runs (TODAY), in the forms finance systems export them: the organisation (UTF-8 with BOM, one new
// unit in a new area), this month's figures as account lines (Windows-1252, decimal comma, with an
// internal transfer line to leave out by account) and the same as XLSX, the balance accounts (the
// overdue ones reconciled today) and the action plans (the overdue actions done today). Importing
// them shows what each kind does, in a minute.
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { amountInputText } from '../../core/amount'
import { comparePeriod, periodKey, periodOf } from '../../core/dates'
import type { ImportKind } from '../../core/import/fields'
import type { IsoDate, Period } from '../../core/types'
import type { Db } from '../db/db'
import { latestPeriodOf } from '../repos/rules'
import { theMunicipality } from '../repos/municipality'

export interface ExampleFile {
  name: string
  kind: ImportKind
  description: string
  contentType: string
  bytes: Buffer
}

const danishDate = (date: IsoDate) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n'
const BOM = '\ufeff'

async function organisation(db: Db): Promise<ExampleFile> {
  const units = await db.query<{
    area: string
    name: string
    unit_type: string
    cost_centre: string
    ean: string
    leader: string | null
    leader_email: string | null
    chief: string | null
    chief_email: string | null
    contact: { name?: string; email?: string; phone?: string }
  }>(
    `select a.name as area, u.name, u.unit_type, u.cost_centre, u.ean, u.economics_contact as contact,
            (select p.name from role_assignment r join person p on p.id = r.person_id where r.role = 'leader' and r.unit_id = u.id order by p.name limit 1) as leader,
            (select p.email from role_assignment r join person p on p.id = r.person_id where r.role = 'leader' and r.unit_id = u.id order by p.name limit 1) as leader_email,
            (select p.name from role_assignment r join person p on p.id = r.person_id where r.role = 'area_chief' and r.area_id = a.id order by p.name limit 1) as chief,
            (select p.email from role_assignment r join person p on p.id = r.person_id where r.role = 'area_chief' and r.area_id = a.id order by p.name limit 1) as chief_email
       from unit u join area a on a.id = u.area_id`,
  )
  const rows = units
    .sort((a, b) => a.area.localeCompare(b.area, 'da') || a.name.localeCompare(b.name, 'da'))
    .map((u) => [
      u.area,
      u.name,
      u.unit_type === 'school' ? 'Skole' : 'Dagtilbud',
      u.cost_centre,
      u.ean,
      u.leader ?? '',
      u.leader_email ?? '',
      u.chief ?? '',
      u.chief_email ?? '',
      u.contact.name ?? '',
      u.contact.email ?? '',
      u.contact.phone ?? '',
    ])
  rows.push([
    'Område Vest',
    'Vestervang Børnehus',
    'Børnehave',
    '99001',
    '5798009900012',
    'Vera Vestergaard',
    'vera.vestergaard@demo.dk',
    'Valdemar Vest',
    'valdemar.vest@demo.dk',
    '',
    '',
    '',
  ])
  const header = [
    'Område',
    'Enhed',
    'Enhedstype',
    'Omkostningssted',
    'EAN',
    'Leder',
    'Leder e-mail',
    'Områdechef',
    'Områdechef e-mail',
    'Økonomikonsulent',
    'Økonomikonsulent e-mail',
    'Økonomikonsulent telefon',
  ]
  return {
    name: 'organisation.csv',
    kind: 'organisation',
    description: 'Alle enheder med leder og områdechef, og én ny enhed i et nyt område (UTF-8 med BOM, semikolon).',
    contentType: 'text/csv; charset=utf-8',
    bytes: Buffer.from(BOM + csv([header, ...rows])),
  }
}

/** This month's lines: the latest month's budget, and spend carried on at the year's pace so far. */
async function figureLines(db: Db, today: IsoDate): Promise<{ period: Period; rows: string[][] } | null> {
  const municipality = await theMunicipality(db)
  const latest = municipality ? await latestPeriodOf(db, municipality.id) : null
  if (!latest) return null
  const thisMonth = periodOf(today)
  const period = comparePeriod(latest, thisMonth) < 0 && latest.year === thisMonth.year ? thisMonth : latest
  const figures = await db.query<{ cost_centre: string; budget: string; carry_over: string; spend_to_date: string }>(
    `select u.cost_centre, f.budget, f.carry_over, f.spend_to_date from monthly_figure f join unit u on u.id = f.unit_id
      where f.year = $1 and f.month = $2 order by u.cost_centre`,
    [latest.year, latest.month],
  )
  const rows: string[][] = []
  for (const f of figures) {
    const budget = Number(f.budget)
    const spend = (Number(f.spend_to_date) * period.month) / latest.month
    const wages = Math.round(budget * 0.78 * 100) / 100
    const spentOnWages = Math.round(spend * 0.8 * 100) / 100
    const key = periodKey(period)
    rows.push([f.cost_centre, '4010', key, amountInputText(wages), amountInputText(Number(f.carry_over)), amountInputText(spentOnWages), 'Løn'])
    rows.push([
      f.cost_centre,
      '4510',
      key,
      amountInputText(budget - wages),
      '0',
      amountInputText(Math.round((spend - spentOnWages) * 100) / 100),
      'Øvrige udgifter',
    ])
    rows.push([f.cost_centre, '9810', key, '0', '0', '-25.000', 'Intern overførsel (udelades med konto 98)'])
  }
  return { period, rows }
}

const FIGURES_HEADER = ['Omk.sted', 'Art', 'Periode', 'Korr. budget', 'Overførsel', 'Forbrug ÅTD', 'Tekst']

async function figures(db: Db, today: IsoDate): Promise<ExampleFile[]> {
  const lines = await figureLines(db, today)
  if (!lines) return []
  const month = periodKey(lines.period)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Drift')
  sheet.addRow(FIGURES_HEADER)
  for (const r of lines.rows) sheet.addRow(r.map((cell, i) => (i >= 3 && i <= 5 ? Number(cell.replace(/\./g, '').replace(',', '.')) : cell)))
  return [
    {
      name: `oekonomi-${month}.csv`,
      kind: 'figures',
      description: `${month}: tre kontolinjer pr. enhed, beløb i kr. med decimalkomma (Windows-1252, semikolon). Udelad konto 98 i importen.`,
      contentType: 'text/csv; charset=windows-1252',
      bytes: iconv.encode(csv([FIGURES_HEADER, ...lines.rows]), 'win1252'),
    },
    {
      name: `oekonomi-${month}.xlsx`,
      kind: 'figures',
      description: `De samme linjer som regneark (XLSX, arket Drift).`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    },
  ]
}

async function balance(db: Db, today: IsoDate): Promise<ExampleFile> {
  const accounts = await db.query<{ cost_centre: string; number: string; name: string; due_date: string; reconciled_on: string | null }>(
    `select u.cost_centre, b.number, b.name, b.due_date, b.reconciled_on from balance_account b join unit u on u.id = b.unit_id
      where b.due_date >= make_date($1::int, 1, 1) order by u.cost_centre, b.number, b.due_date`,
    [Number(today.slice(0, 4))],
  )
  const rows = accounts.map((a) => {
    // An account past its due date and still open is reconciled today: the file's news.
    const reconciled = a.reconciled_on ?? (a.due_date < today ? today : null)
    return [a.cost_centre, a.number, a.name, danishDate(a.due_date), reconciled ? danishDate(reconciled) : '']
  })
  return {
    name: 'statuskonti.csv',
    kind: 'balance',
    description: 'Årets statuskonti; de forfaldne, der stod åbne, er afstemt i dag (UTF-8 med BOM, semikolon).',
    contentType: 'text/csv; charset=utf-8',
    bytes: Buffer.from(BOM + csv([['Omk.sted', 'Kontonr', 'Kontotekst', 'Afstemningsfrist', 'Afstemt den'], ...rows])),
  }
}

const STATUS_WORDS: Readonly<Record<string, string>> = { planned: 'Planlagt', in_progress: 'I gang', done: 'Udført', dropped: 'Udgået' }

async function actionPlan(db: Db, today: IsoDate): Promise<ExampleFile> {
  const year = Number(today.slice(0, 4))
  const actions = await db.query<{ cost_centre: string; title: string; due_date: string; status: string; done_on: string | null; drop_reason: string | null }>(
    `select u.cost_centre, a.title, a.due_date, a.status, a.done_on, a.drop_reason from action_plan_item a join unit u on u.id = a.unit_id
      where a.year = $1 and not a.deleted order by u.cost_centre, a.due_date, a.title`,
    [year],
  )
  const rows = actions.map((a) => {
    // An action past its due date and still open is done today: the file's news.
    const doneToday = (a.status === 'planned' || a.status === 'in_progress') && a.due_date < today
    const status = doneToday ? 'done' : a.status
    const doneOn = doneToday ? today : a.done_on
    return [a.cost_centre, a.title, danishDate(a.due_date), STATUS_WORDS[status]!, doneOn ? danishDate(doneOn) : '', a.drop_reason ?? '']
  })
  return {
    name: 'handleplan.csv',
    kind: 'actionPlan',
    description: 'Årets handlinger; de forfaldne, der stod åbne, er udført i dag (UTF-8 med BOM, semikolon).',
    contentType: 'text/csv; charset=utf-8',
    bytes: Buffer.from(BOM + csv([['Omk.sted', 'Aktivitet', 'Deadline', 'Status', 'Udført', 'Begrundelse'], ...rows])),
  }
}

export async function exampleFiles(db: Db, today: IsoDate): Promise<ExampleFile[]> {
  return [await organisation(db), ...(await figures(db, today)), await balance(db, today), await actionPlan(db, today)]
}
