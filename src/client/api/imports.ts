// The economics team's import (its contract: src/core/http/imports.ts): read and check a file
// (preview, writes nothing), write it (all or nothing), and the log of both. A module of its own,
// so only the import screens' chunk carries it.
import { getJson, requestJson, type ApiError } from './http'
import type { ImportIssue, ImportLog, ImportPreview, ImportRefusal, ImportRequest, ImportResult } from './types'

/**
 * Reading, checking and writing a year of a large municipality's lines takes the server longer
 * than the 10 s after which an ordinary request counts as unanswered.
 */
const IMPORT_TIMEOUT_MS = 180_000

async function postImport<T>(path: string, request: ImportRequest): Promise<T> {
  // Neither endpoint answers 204, so the body is always there.
  return (await requestJson<T>('POST', path, { body: request, timeoutMs: IMPORT_TIMEOUT_MS })) as T
}

export const importApi = {
  preview: (request: ImportRequest) => postImport<ImportPreview>('/api/imports/preview', request),
  /** 200 with what was written; a refused file is an ApiError 422 whose refusal importRefusalOf reads. */
  commit: (request: ImportRequest) => postImport<ImportResult>('/api/imports', request),
  history: () => getJson<ImportLog>('/api/imports'),
}

function orNull<T>(value: unknown, type: 'string' | 'number'): T | null {
  return typeof value === type ? (value as T) : null
}

/**
 * The refused file's errors when the server refused it (422 invalid_file), else null. Only
 * well-formed errors are kept: what stands between the server and the device may send anything.
 */
export function importRefusalOf(error: unknown): ImportRefusal | null {
  // Read by its fields, not `instanceof ApiError`: importing the class would make it one more export of the first screen's chunk.
  const refused = (error ?? {}) as Partial<ApiError>
  if (refused.status !== 422 || refused.code !== 'invalid_file') return null
  const body = (refused.body ?? {}) as { errors?: unknown; errorCount?: unknown }
  const errors: ImportIssue[] = (Array.isArray(body.errors) ? (body.errors as unknown[]) : []).flatMap((raw) => {
    const issue = (raw ?? {}) as Record<string, unknown>
    if (typeof issue.message !== 'string') return []
    return [
      {
        line: orNull<number>(issue.line, 'number'),
        column: orNull<string>(issue.column, 'string'),
        value: orNull<string>(issue.value, 'string'),
        message: issue.message,
      },
    ]
  })
  const errorCount = typeof body.errorCount === 'number' ? body.errorCount : errors.length
  return { error: 'invalid_file', message: refused.message ?? '', errors, errorCount }
}
