// Records of the dialogue chain as a device sends them (src/core/dialogueSchemas.ts), for the
// dialogue tests. Not a test file itself.
import type { FastifyInstance } from 'fastify'
import type { Mutation, PushResult } from '../../src/core/sync/protocol'
import { CSRF } from '../helpers/http'
import { mutation } from './syncHarness'

export const actionFields = (dialogueId: string, over: Record<string, unknown> = {}) => ({
  dialogueId,
  title: 'Ny vagtplan',
  owner: 'Lea Leder',
  dueOn: '2025-12-31',
  status: 'open',
  doneOn: null,
  ...over,
})

export const noteFields = (body: string, visibility: 'shared' | 'oc_private' = 'shared', dialogueId: string | null = null) => ({
  indicator: null,
  year: null,
  month: null,
  body,
  visibility,
  dialogueId,
})

export const planFields = (over: Record<string, unknown> = {}) => ({
  fromDialogueId: null,
  indicators: ['budget'],
  startedOn: '2025-11-01',
  goals: ['Budgettet holder'],
  actions: [{ what: 'Månedlig opfølgning', owner: 'Lea Leder', dueOn: '2025-12-31' }],
  leaderAcknowledgedOn: null,
  leaderAcknowledgedBy: null,
  ocAcknowledgedOn: null,
  ocAcknowledgedBy: null,
  endedOn: null,
  ...over,
})

export const markFields = (over: Record<string, unknown> = {}) => ({
  kind: 'best_practice',
  indicator: 'budget',
  text: 'Fast månedligt budgetmøde med personalet',
  dialogueId: null,
  markedOn: '2025-11-01',
  endedOn: null,
  ...over,
})

/** A create (base 0) or an edit (base `baseVersion`) of one record. */
export const write = (table: string, recordId: string, scopeId: string, fields: Record<string, unknown>, baseVersion = 0): Mutation =>
  mutation({ table, recordId, scopeId, baseVersion, fields })

export const remove = (table: string, recordId: string, scopeId: string, baseVersion: number): Mutation =>
  mutation({ table, recordId, scopeId, baseVersion, op: 'delete', fields: {} })

/** A push answer as [reason, field, message] when refused, else its status. */
export const outcome = (r: PushResult | undefined) => (r?.status === 'rejected' ? [r.reason, r.field, r.message] : r?.status)

export function reopen(app: FastifyInstance, cookie: string, dialogueId: string, body: unknown) {
  return app.inject({ method: 'POST', url: `/api/dialogues/${encodeURIComponent(dialogueId)}/reopen`, headers: { ...CSRF, cookie }, payload: body as object })
}
