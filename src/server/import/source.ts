// A request's file made ready to check: decoded, read into a table, and its columns mapped — by
// the mapping the person gave, else the one remembered for files with the same headers, else the
// headers recognised — with the unit of its amounts and the account groups it leaves out.
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { MAX_IMPORT_FILE_BYTES, type importRequestSchema } from '../../core/http/imports'
import { headerSignature, IMPORT_FIELDS, normaliseHeader, recogniseHeaders, scaleOfHeaders, type ColumnMapping, type Scale } from '../../core/import/fields'
import { fileIssue, missingFields, type ImportIssue } from '../../core/import/rows'
import type { Db } from '../db/db'
import { rememberedMapping } from './mappings'
import { ReadError, readTable, type ReadTable } from './read/table'

export type ImportRequest = z.infer<typeof importRequestSchema>

export interface Source {
  sha256: string
  table: ReadTable
  signature: string
  mapping: ColumnMapping
  mappingSource: 'given' | 'remembered' | 'recognised'
  scale: Scale
  excludeAccounts: string[]
  /** The keys of required fields no column is mapped to. */
  missing: string[]
  /** Problems of the file as a whole: nothing can be read from it until they are solved. */
  issues: ImportIssue[]
}

const EMPTY_TABLE: ReadTable = { format: 'csv', encoding: null, delimiter: null, sheets: [], sheet: null, headers: [], rows: [] }

/** The given mapping, kept to the file's own headers; a field the kind does not have is a mistake to say. */
function givenMapping(req: ImportRequest, headers: readonly string[]): { mapping: ColumnMapping; issues: ImportIssue[] } {
  const keys = new Set(IMPORT_FIELDS[req.kind].map((f) => f.key))
  const issues: ImportIssue[] = []
  const mapping: Record<string, string | null> = {}
  for (const header of headers) {
    const key = req.mapping?.[header] ?? null
    if (key !== null && !keys.has(key)) issues.push(fileIssue(`Kolonnen ${header} er knyttet til et felt, der ikke findes: ${key}.`))
    mapping[header] = key !== null && keys.has(key) ? key : null
  }
  const used = Object.values(mapping).filter((k) => k !== null)
  for (const key of new Set(used.filter((k, i) => used.indexOf(k) !== i))) {
    const field = IMPORT_FIELDS[req.kind].find((f) => f.key === key)!
    issues.push(fileIssue(`Flere kolonner er knyttet til ${field.header}: vælg én.`))
  }
  return { mapping, issues }
}

/** A remembered mapping applied to this file's headers, which may differ in case and spacing from the file it was made for. */
function onHeaders(remembered: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const byNormal = new Map(Object.entries(remembered).map(([h, key]) => [normaliseHeader(h), key]))
  return Object.fromEntries(headers.map((h) => [h, byNormal.get(normaliseHeader(h)) ?? null]))
}

export async function readSource(db: Db, req: ImportRequest): Promise<Source> {
  const bytes = Buffer.from(req.content, 'base64')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const refused = (message: string): Source => ({
    sha256,
    table: EMPTY_TABLE,
    signature: '',
    mapping: {},
    mappingSource: 'recognised',
    scale: 1,
    excludeAccounts: [],
    missing: [],
    issues: [fileIssue(message)],
  })
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return refused(`Filen er for stor (højst ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB).`)
  let table: ReadTable
  try {
    table = await readTable(bytes, req.fileName, { sheet: req.sheet })
  } catch (err) {
    if (err instanceof ReadError) return refused(err.message)
    throw err
  }
  const signature = headerSignature(req.kind, table.headers)
  const remembered = await rememberedMapping(db, signature)
  const given = req.mapping ? givenMapping(req, table.headers) : null
  const mapping = given?.mapping ?? (remembered ? onHeaders(remembered.mapping, table.headers) : null) ?? recogniseHeaders(req.kind, table.headers)
  const issues = [...(given?.issues ?? [])]
  const missing = missingFields(req.kind, mapping)
  for (const field of missing) {
    issues.push(fileIssue(`Filen har ingen kolonne til ${field.header}. Vælg hvilken af filens kolonner, der er ${field.header}.`))
  }
  return {
    sha256,
    table,
    signature,
    mapping,
    mappingSource: given ? 'given' : remembered ? 'remembered' : 'recognised',
    scale: req.scale ?? remembered?.scale ?? scaleOfHeaders(req.kind, mapping) ?? 1,
    excludeAccounts: req.excludeAccounts ?? remembered?.excludeAccounts ?? [],
    missing: missing.map((f) => f.key),
    issues,
  }
}
