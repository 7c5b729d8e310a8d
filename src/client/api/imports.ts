// The economics team's import (its contract: src/core/http/imports.ts): read and check a file
// (preview, writes nothing), write it (all or nothing), and the log of both. A module of its own,
// so only the import screens' chunk carries it.
import { getJson, requestJson, type ApiError } from './http'
import type { ImportIssue, ImportLog, ImportPreview, ImportProgress, ImportRefusal, ImportRequest, ImportResult } from './types'

/**
 * Reading, checking and writing a year of a large municipality's lines takes the server longer
 * than the 10 s after which an ordinary request counts as unanswered.
 */
const IMPORT_TIMEOUT_MS = 180_000

type OnProgress = (progress: ImportProgress) => void

/** The first look at a request's progress, and the wait between looks: a small file is done before. */
const FIRST_LOOK_MS = 400
const LOOK_EVERY_MS = 500

/** Asks how far the request has come until stopped; a look that fails (not begun yet, offline) is skipped. */
function watchProgress(progressId: string, onProgress: OnProgress): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const look = async () => {
    try {
      const progress = await getJson<ImportProgress>(`/api/imports/progress/${progressId}`)
      if (!stopped) onProgress(progress)
    } catch {
      // Not begun on the server yet, or done and forgotten: the next look, or the answer, says more.
    }
    if (!stopped) timer = setTimeout(() => void look(), LOOK_EVERY_MS)
  }
  timer = setTimeout(() => void look(), FIRST_LOOK_MS)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}

async function postImport<T>(path: string, request: ImportRequest, onProgress?: OnProgress): Promise<T> {
  const progressId = crypto.randomUUID()
  const stop = onProgress ? watchProgress(progressId, onProgress) : () => {}
  try {
    // Neither endpoint answers 204, so the body is always there.
    return (await requestJson<T>('POST', path, { body: { ...request, progressId }, timeoutMs: IMPORT_TIMEOUT_MS })) as T
  } finally {
    stop()
  }
}

export const importApi = {
  /** onProgress hears how far a large file has come (read, checked, judged) while it runs. */
  preview: (request: ImportRequest, onProgress?: OnProgress) => postImport<ImportPreview>('/api/imports/preview', request, onProgress),
  /** 200 with what was written; a refused file is an ApiError 422 whose refusal importRefusalOf reads. */
  commit: (request: ImportRequest, onProgress?: OnProgress) => postImport<ImportResult>('/api/imports', request, onProgress),
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
