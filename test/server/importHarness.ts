// The economics team's import of one kind of file through the HTTP API, on a fresh database with
// the fixtures: the app, the economics team's and a leader's sessions, and a sender of a file's
// text to the preview or the import.
import { expect } from 'vitest'
import type { z } from 'zod'
import type { importPreviewSchema, importResultSchema } from '../../src/core/http/imports'
import type { ImportKind } from '../../src/core/import/fields'
import { CSRF, signedInApp } from '../helpers/http'
import { PEOPLE } from '../helpers/fixtures'

export type Preview = z.infer<typeof importPreviewSchema>
export type Result = z.infer<typeof importResultSchema>

export function importApp(kind: ImportKind, fileName: string) {
  const { t, c } = signedInApp({ eco: PEOPLE.economics, leaderA: PEOPLE.leaderA })
  const body = (text: string) => ({ kind, fileName, content: Buffer.from(text).toString('base64') })
  /** The file's text to '/api/imports/preview' or '/api/imports', as the economics team. */
  const send = (url: string, text: string) => t.app.inject({ method: 'POST', url, headers: { ...CSRF, cookie: c.eco }, payload: body(text) })
  return { t, c, send }
}

/** The refusal of a file (422), as the messages of its errors. */
export function refusedWith(res: { statusCode: number; json: <T>() => T }): string[] {
  expect(res.statusCode).toBe(422)
  return res.json<{ errors: Array<{ message: string }> }>().errors.map((e) => e.message)
}
