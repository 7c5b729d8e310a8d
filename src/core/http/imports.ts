// The import's HTTP contract (the economics team's screens and a scripted nightly export use the
// same two steps): POST /api/imports/preview reads and checks a file and says what an import would
// write, writing nothing; POST /api/imports writes it, all or nothing; GET /api/imports lists what
// was imported or refused. The file travels base64-encoded in JSON, so one schema documents it.
import { z } from 'zod'
import { IMPORT_KINDS } from '../import/fields'
import { COLOURS, INDICATORS } from '../types'
import { idSchema, periodSchema } from '../schemaPrimitives'

/** The largest file the import reads: a year of monthly lines for a large municipality fits well within it. */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024
/** The request body around it: base64 makes 4 bytes of 3, and the rest of the request is small. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 256 * 1024
/** A refused file lists this many of its errors, and counts the rest. */
export const MAX_LISTED_ERRORS = 200
/** The preview shows this many of the rows as they will be written. */
export const MAX_PREVIEW_ROWS = 200

export const importKindSchema = z.enum(IMPORT_KINDS)
export const scaleSchema = z.union([z.literal(1), z.literal(1_000), z.literal(1_000_000)])

/** Which header is which field (null: not imported). Given by the person, remembered per source. */
export const columnMappingSchema = z.record(z.string().max(200), z.string().max(40).nullable())

export const importRequestSchema = z.object({
  kind: importKindSchema,
  fileName: z.string().min(1, { error: 'Filnavnet mangler.' }).max(255, { error: 'Filnavnet må højst være 255 tegn.' }),
  /** The file's bytes, base64. */
  content: z.base64({ error: 'Filens indhold skal være base64.' }),
  /** The XLSX sheet to read; default the first. */
  sheet: z.string().max(100).optional(),
  /** Default: the mapping remembered for files with these headers, else the headers recognised. */
  mapping: columnMappingSchema.optional(),
  /** The unit of the amounts; default the one the headers state, else kroner. */
  scale: scaleSchema.optional(),
  /** Figures: lines whose account (Art) starts with one of these are left out (capital, internal transfers). */
  excludeAccounts: z.array(z.string().min(1).max(40)).max(50).optional(),
  /** Chosen by the caller: GET /api/imports/progress/{progressId} says how far the request has come. */
  progressId: z.uuid({ error: 'progressId skal være et UUID.' }).optional(),
})

/**
 * How far a preview or an import has come: the file read, its lines checked, then the lights it
 * repaints worked out (a preview) or the rows written (an import), then done. A large file takes
 * seconds; the screen says which step it is at.
 */
export const IMPORT_STAGES = ['read', 'check', 'judge', 'write', 'done'] as const
export const importProgressSchema = z.object({
  stage: z.enum(IMPORT_STAGES),
  /** The file's data lines, once it is read. */
  lines: z.number().int().nullable(),
})

/** One thing wrong with the file, where it is: the line as the spreadsheet numbers it and the column's header. */
export const importIssueSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** The whole Danish sentence, e.g. "Linje 14, kolonne Forbrug år til dato: '12,3,4' er ikke et beløb". */
  message: z.string(),
})

export const importCountsSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
})

export const lightChangeSchema = z.object({
  unitId: idSchema,
  unitName: z.string(),
  indicator: z.enum(INDICATORS),
  from: z.enum(COLOURS),
  to: z.enum(COLOURS),
})

/** A row as it will be written, with where it came from and what it does. */
export const previewRowSchema = z.object({
  unitName: z.string(),
  costCentre: z.string(),
  /** The row's own key beyond the unit: a period, an account, an action. */
  label: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** How many of the file's lines were summed into it (a finance export has one per account). */
  sourceLines: z.number().int(),
  change: z.enum(['new', 'changed', 'unchanged', 'removed']),
})

export const importPreviewSchema = z.object({
  kind: importKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: columnMappingSchema,
  mappingSource: z.enum(['given', 'remembered', 'recognised']),
  /** Required fields no column is mapped to: the file cannot be imported until they are. */
  missing: z.array(z.string()),
  scale: scaleSchema,
  excludeAccounts: z.array(z.string()),
  /** Data lines read, and those left out by the excluded account groups. */
  lines: z.number().int(),
  leftOut: z.number().int(),
  rows: z.array(previewRowSchema),
  rowTotal: z.number().int(),
  counts: importCountsSchema,
  lightChanges: z.array(lightChangeSchema),
  /**
   * The month every unit is judged at, when the import moves it on (the latest month with figures
   * anywhere): the units without figures for it show grey until theirs come. null: it stays.
   */
  periodMove: z.object({ from: periodSchema.nullable(), to: periodSchema, unitsWithout: z.number().int() }).nullable(),
  errors: z.array(importIssueSchema),
  errorCount: z.number().int(),
})

export const importResultSchema = z.object({
  importId: idSchema,
  counts: importCountsSchema,
  lightChanges: z.array(lightChangeSchema),
})

/** A refused file: nothing of it was written. */
export const importRefusalSchema = z.object({
  error: z.literal('invalid_file'),
  message: z.string(),
  errors: z.array(importIssueSchema),
  errorCount: z.number().int(),
})

export const importLogEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  personName: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  status: z.enum(['imported', 'refused']),
  counts: importCountsSchema.nullable(),
  errors: z.array(importIssueSchema),
  errorCount: z.number().int(),
})

export const importLogSchema = z.object({ imports: z.array(importLogEntrySchema) })

export type ImportRequest = z.infer<typeof importRequestSchema>
export type ImportProgress = z.infer<typeof importProgressSchema>
export type ImportPreview = z.infer<typeof importPreviewSchema>
export type ImportResult = z.infer<typeof importResultSchema>
export type ImportRefusal = z.infer<typeof importRefusalSchema>
export type ImportIssueShape = z.infer<typeof importIssueSchema>
export type ImportCounts = z.infer<typeof importCountsSchema>
export type LightChange = z.infer<typeof lightChangeSchema>
export type ImportLogEntry = z.infer<typeof importLogEntrySchema>
export type ImportLog = z.infer<typeof importLogSchema>

/** Demo mode: the example files the economics team can download and import (GET /api/demo/files). */
export const exampleFileListSchema = z.object({
  files: z.array(z.object({ name: z.string(), kind: importKindSchema, description: z.string(), bytes: z.number().int() })),
})
export type ExampleFileList = z.infer<typeof exampleFileListSchema>
