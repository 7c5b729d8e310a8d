// What the economics team can import, and the columns each kind of file has: our field, the Danish
// header a finance system's export (Prisme, KMD Opus/SAP, a spreadsheet) most often gives it, and
// the synonyms seen in such exports. Headers are compared without case, spaces and punctuation,
// and without an amount unit in brackets ("Korrigeret budget (t.kr.)"), so these few names cover
// most files; any other header is mapped by hand once and remembered (server/import/mappings.ts).

export const IMPORT_KINDS = ['organisation', 'figures', 'balance', 'actionPlan', 'indicatorValues'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_KIND_NAMES: Readonly<Record<ImportKind, string>> = {
  organisation: 'Organisation',
  figures: 'Økonomi pr. måned',
  balance: 'Statuskonti',
  actionPlan: 'Handleplan',
  indicatorValues: 'Færdige nøgletal',
}

/** How a column's cells are read (core/import/values.ts). */
export type FieldType = 'text' | 'amount' | 'period' | 'date' | 'share' | 'signedShare' | 'actionStatus' | 'unitType' | 'email' | 'indicator'

export interface ImportField {
  key: string
  /** The header our own example files use, and the name the screens show. */
  header: string
  synonyms: readonly string[]
  type: FieldType
  required: boolean
}

const costCentre: ImportField = {
  key: 'costCentre',
  header: 'Omkostningssted',
  synonyms: ['Omk.sted', 'Omk sted', 'Omk.st.', 'Omkostningssted nr', 'Omkostningscenter', 'Costcenter', 'Cost center', 'Cost centre', 'Kostcenter'],
  type: 'text',
  required: true,
}

const period: ImportField = {
  key: 'period',
  header: 'Periode',
  synonyms: ['Måned', 'Md', 'Regnskabsperiode', 'Bogføringsperiode', 'Period'],
  type: 'period',
  required: true,
}

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  organisation: [
    { key: 'area', header: 'Område', synonyms: ['Områdenavn', 'Distrikt', 'Area'], type: 'text', required: true },
    { key: 'unit', header: 'Enhed', synonyms: ['Enhedsnavn', 'Institution', 'Skole', 'Navn', 'Unit'], type: 'text', required: true },
    { key: 'unitType', header: 'Enhedstype', synonyms: ['Type', 'Institutionstype', 'Enhedstype (skole/dagtilbud)'], type: 'unitType', required: true },
    costCentre,
    { key: 'ean', header: 'EAN', synonyms: ['EAN-nr', 'EAN nummer', 'EAN-nummer', 'GLN'], type: 'text', required: false },
    { key: 'leader', header: 'Leder', synonyms: ['Ledernavn', 'Leders navn', 'Institutionsleder', 'Skoleleder'], type: 'text', required: false },
    { key: 'leaderEmail', header: 'Leder e-mail', synonyms: ['Leders e-mail', 'Leder mail', 'E-mail leder', 'Leder email'], type: 'email', required: false },
    { key: 'chief', header: 'Områdechef', synonyms: ['Områdechefens navn', 'OC', 'Områdeleder'], type: 'text', required: false },
    {
      key: 'chiefEmail',
      header: 'Områdechef e-mail',
      synonyms: ['Områdechefs e-mail', 'Områdechef mail', 'E-mail områdechef', 'OC e-mail', 'Områdechef email'],
      type: 'email',
      required: false,
    },
    // The unit's own economics contact; a unit without one is helped by the municipality's (settings).
    { key: 'contact', header: 'Økonomikonsulent', synonyms: ['Økonomikontakt', 'Økonomimedarbejder', 'Controller'], type: 'text', required: false },
    {
      key: 'contactEmail',
      header: 'Økonomikonsulent e-mail',
      synonyms: ['Økonomikonsulent mail', 'Økonomikontakt e-mail', 'Controller e-mail'],
      type: 'email',
      required: false,
    },
    {
      key: 'contactPhone',
      header: 'Økonomikonsulent telefon',
      synonyms: ['Økonomikonsulent tlf', 'Økonomikontakt telefon', 'Controller telefon'],
      type: 'text',
      required: false,
    },
  ],
  figures: [
    costCentre,
    period,
    {
      key: 'budget',
      header: 'Korrigeret budget',
      synonyms: ['Korr. budget', 'Korr budget', 'Korrigeret budget inkl. overførsel', 'Korrigeret budget i alt', 'Budget'],
      type: 'amount',
      required: true,
    },
    {
      key: 'carryOver',
      header: 'Overførsel',
      synonyms: ['Overførsler', 'Overført', 'Overførsel fra sidste år', 'Overført fra sidste år'],
      type: 'amount',
      required: false,
    },
    {
      key: 'spendToDate',
      header: 'Forbrug år til dato',
      synonyms: ['Forbrug ÅTD', 'Forbrug i år', 'Forbrug YTD', 'Forbrug', 'Regnskab år til dato', 'Regnskab ÅTD', 'Akkumuleret forbrug'],
      type: 'amount',
      required: true,
    },
    { key: 'profileShare', header: 'Budgetprofil', synonyms: ['Profil', 'Periodiseringsandel', 'Budgetprofil andel'], type: 'share', required: false },
    { key: 'account', header: 'Art', synonyms: ['Kontostreng', 'Artskonto', 'Konto', 'Art nr', 'Kontoart'], type: 'text', required: false },
  ],
  balance: [
    costCentre,
    { key: 'accountNumber', header: 'Kontonummer', synonyms: ['Konto nr', 'Kontonr', 'Statuskonto', 'Konto'], type: 'text', required: true },
    { key: 'accountName', header: 'Kontonavn', synonyms: ['Navn', 'Kontotekst', 'Tekst'], type: 'text', required: true },
    { key: 'dueDate', header: 'Frist', synonyms: ['Afstemningsfrist', 'Forfaldsdato', 'Skal afstemmes senest'], type: 'date', required: true },
    { key: 'reconciledOn', header: 'Afstemt dato', synonyms: ['Afstemt', 'Afstemt den', 'Dato for afstemning'], type: 'date', required: false },
  ],
  actionPlan: [
    costCentre,
    { key: 'title', header: 'Handling', synonyms: ['Aktivitet', 'Indsats', 'Titel', 'Beskrivelse'], type: 'text', required: true },
    { key: 'dueDate', header: 'Frist', synonyms: ['Deadline', 'Tidsfrist', 'Slutdato'], type: 'date', required: true },
    { key: 'status', header: 'Status', synonyms: ['Tilstand'], type: 'actionStatus', required: true },
    { key: 'doneOn', header: 'Udført dato', synonyms: ['Udført', 'Færdig dato', 'Afsluttet dato'], type: 'date', required: false },
    { key: 'dropReason', header: 'Begrundelse', synonyms: ['Begrundelse for udgået', 'Årsag', 'Bemærkning'], type: 'text', required: false },
  ],
  // An indicator's value worked out elsewhere (core/indicators/imported.ts): the budget's deviation,
  // the plan's fulfilment, the forecast's accuracy or the accounts' reconciliation rate.
  indicatorValues: [
    costCentre,
    period,
    { key: 'indicator', header: 'Nøgletal', synonyms: ['Indikator', 'Måltal', 'Målepunkt', 'Måleparameter'], type: 'indicator', required: true },
    { key: 'value', header: 'Værdi', synonyms: ['Resultat', 'Procent', 'Pct', 'Andel', 'Nøgletalsværdi'], type: 'signedShare', required: true },
  ],
}

/** An amount unit in brackets or after a comma at the end of a header: "(t.kr.)", ", mio. kr.". */
const UNIT_SUFFIX = /[(,]\s*(?:i\s+)?(?:t\.?\s*kr|tkr|mio\.?\s*kr|kr)\.?\s*\)?\s*$/i

/** A header as compared: lower case, without an amount unit, spaces and punctuation (æ, ø and å kept). */
export function normaliseHeader(header: string): string {
  return header
    .replace(UNIT_SUFFIX, '')
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

export type Scale = 1 | 1_000 | 1_000_000

export const SCALE_NAMES: Readonly<Record<Scale, string>> = { 1: 'kr.', 1_000: 't.kr.', 1_000_000: 'mio. kr.' }

/** The amount unit a header states ("Korrigeret budget (t.kr.)" → 1.000), or null. */
export function scaleOfHeader(header: string): Scale | null {
  const unit = UNIT_SUFFIX.exec(header)?.[0].toLocaleLowerCase('da')
  if (!unit) return null
  if (/mio/.test(unit)) return 1_000_000
  if (/t\.?\s*kr|tkr/.test(unit)) return 1_000
  return 1
}

/** Which header is which field: a header's key, or null for a column the import leaves alone. */
export type ColumnMapping = Readonly<Record<string, string | null>>

/** The fields the headers name by our header or a synonym; other headers are left unmapped (null). */
export function recogniseHeaders(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>()
  for (const field of IMPORT_FIELDS[kind]) for (const name of [field.header, ...field.synonyms]) byName.set(normaliseHeader(name), field.key)
  const taken = new Set<string>()
  const mapping: Record<string, string | null> = {}
  // The field's own header wins over a synonym ("Forbrug år til dato" over "Forbrug"); then left to right.
  const exact = (h: string) => IMPORT_FIELDS[kind].some((f) => normaliseHeader(f.header) === normaliseHeader(h))
  for (const header of [...headers].sort((a, b) => Number(exact(b)) - Number(exact(a)))) {
    const key = byName.get(normaliseHeader(header))
    mapping[header] = key && !taken.has(key) ? key : null
    if (key) taken.add(key)
  }
  return Object.fromEntries(headers.map((h) => [h, mapping[h] ?? null]))
}

/**
 * A source's fingerprint: the kind and its set of headers, so the same export next month is
 * recognised whatever the order of its columns (and a mapping remembered for it offered again).
 */
export function headerSignature(kind: ImportKind, headers: readonly string[]): string {
  return [kind, ...[...new Set(headers.map(normaliseHeader))].sort()].join('|')
}

/** The scale the amount columns' headers state, when they agree on one. */
export function scaleOfHeaders(kind: ImportKind, mapping: ColumnMapping): Scale | null {
  const amountKeys = new Set(IMPORT_FIELDS[kind].filter((f) => f.type === 'amount').map((f) => f.key))
  const scales = new Set(
    Object.entries(mapping)
      .filter(([, key]) => key !== null && amountKeys.has(key))
      .map(([header]) => scaleOfHeader(header))
      .filter((s): s is Scale => s !== null),
  )
  return scales.size === 1 ? [...scales][0]! : null
}
