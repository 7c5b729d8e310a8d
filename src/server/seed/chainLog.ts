// The demo's dialogue chain as the history of writes that made it: who wrote what, when. The seed
// replays it through writeSynced in time order, so versions, audit rows and the change sequence read
// as if the OCs and leaders had written it day by day (the OC agrees an action at a dialogue, the
// leader marks it done when it is done).
import type { z } from 'zod'
import type { developmentPlanSchema, dialogueActionSchema, dialogueSchema, unitMarkSchema } from '../../core/dialogueSchemas'
import type { noteSchema } from '../../core/schemas'
import type { IsoDate } from '../../core/types'
import type { DemoChainWrite } from './types'

type Fields<S extends z.ZodType> = Omit<z.output<S>, 'id' | 'unitId'>
export type DialogueFields = Fields<typeof dialogueSchema>
export type DialogueActionFields = Fields<typeof dialogueActionSchema>
export type NoteFields = Fields<typeof noteSchema>
export type DevelopmentPlanFields = Fields<typeof developmentPlanSchema>
export type UnitMarkFields = Fields<typeof unitMarkSchema>

/** A moment on a day, in UTC: 13:00Z is the early afternoon in Copenhagen, summer and winter. */
export const at = (date: IsoDate, time = '13:00'): string => `${date}T${time}:00.000Z`

export class ChainLog {
  readonly writes: DemoChainWrite[] = []

  private push(kind: DemoChainWrite['kind'], id: string, unitId: string, personId: string, when: string, fields: object, create: boolean): void {
    this.writes.push({ kind, id, unitId, personId, at: when, fields: { ...fields }, create })
  }

  /**
   * A meeting the OC scheduled at `scheduledAt`, or — when `held` is given — one already held: then
   * written once, as it stands after "Dialog afholdt" (a write less per meeting keeps the seed fast).
   */
  meeting(
    id: string,
    unitId: string,
    ocId: string,
    scheduledAt: string,
    plan: Pick<DialogueFields, 'kind' | 'topics' | 'followsFrom' | 'scheduledOn' | 'agenda'>,
    held: Pick<DialogueFields, 'heldOn' | 'minutes' | 'improved'> | null = null,
  ): void {
    const record: DialogueFields = { ...plan, heldOn: null, minutes: '', improved: {}, reopenedOn: null, reopenReason: '', ...held }
    this.push('dialogue', id, unitId, ocId, held ? at(held.heldOn as IsoDate) : scheduledAt, record, true)
  }

  agreeAction(id: string, unitId: string, ocId: string, when: string, fields: Omit<DialogueActionFields, 'status' | 'doneOn'>): void {
    this.push('dialogueAction', id, unitId, ocId, when, { ...fields, status: 'open', doneOn: null }, true)
  }

  /** The leader keeps the status of their own to-dos. */
  actionStatus(id: string, unitId: string, leaderId: string, when: string, fields: Pick<DialogueActionFields, 'status' | 'doneOn'>): void {
    this.push('dialogueAction', id, unitId, leaderId, when, fields, false)
  }

  note(id: string, unitId: string, authorId: string, when: string, fields: NoteFields): void {
    this.push('note', id, unitId, authorId, when, fields, true)
  }

  plan(id: string, unitId: string, ocId: string, when: string, fields: DevelopmentPlanFields): void {
    this.push('developmentPlan', id, unitId, ocId, when, fields, true)
  }

  mark(id: string, unitId: string, ocId: string, when: string, fields: UnitMarkFields): void {
    this.push('unitMark', id, unitId, ocId, when, fields, true)
  }

  /** In the order they happened (a record's creation always before its changes: the sort is stable). */
  inOrder(): DemoChainWrite[] {
    return [...this.writes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  }
}
