// How far each running preview or import has come, for GET /api/imports/progress/:id. The caller
// names its request with a progressId of its own choosing; the board keeps that request's stage
// for the person who sent it alone (anyone else asking is answered "not found"), and forgets it
// a minute after it is done. Kept in memory: it only says how long to wait, never what happened.
import type { ImportProgress } from '../../core/http/imports'

const FORGET_AFTER_MS = 60_000

export type ReportProgress = (progress: ImportProgress) => void

export class ProgressBoard {
  private readonly entries = new Map<string, ImportProgress>()

  /** The reporter of one request; a request without a progressId reports to nobody. */
  reporter(personId: string, progressId: string | undefined): ReportProgress {
    if (!progressId) return () => {}
    const key = `${personId}|${progressId}`
    return (progress) => {
      this.entries.set(key, progress)
      if (progress.stage === 'done') setTimeout(() => this.entries.delete(key), FORGET_AFTER_MS).unref()
    }
  }

  get(personId: string, progressId: string): ImportProgress | null {
    return this.entries.get(`${personId}|${progressId}`) ?? null
  }
}
