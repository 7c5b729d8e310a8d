// The synced kinds of record, each declared once (kind.ts says what a declaration holds). The
// server's SQL mapping and pull, the access policy, validation, the device's record types and the
// property test's generators all follow from these. A new kind: one defineSyncKind here, added to
// CORE_SYNC_KINDS, plus its migration (CREATE TABLE) — README, "Adding a synced kind".
import {
  actionPlanItemSchema,
  developmentPlanSchema,
  dialogueActionSchema,
  dialoguePreparationSchema,
  dialogueSchema,
  explanationSchema,
  forecastEntrySchema,
  initiativeSchema,
  noteSchema,
  unitFiguresSchema,
  unitMarkSchema,
} from '../schemas'
import { defineSyncKind, type SyncKind, type WriteCondition } from './kind'

/** DOMAIN.md: a person edits and deletes only the notes they wrote themselves. */
const onlyTheAuthor: WriteCondition = ({ principal, before, changed }) =>
  before !== null && before.createdBy !== principal.personId
    ? { field: changed[0] ?? 'body', message: 'Du kan kun ændre eller slette noter, du selv har skrevet.' }
    : null

// A locked dialogue changes no more: a rule over its history and the calendar, so it lives in
// core/history/dialogueLock.ts and the server enforces it on every push (sync/historyChecks.ts).

export const actionPlanItemKind = defineSyncKind({
  name: 'actionPlanItem',
  schema: actionPlanItemSchema,
  scope: 'unit',
  writers: { leader: '*' },
})

export const forecastKind = defineSyncKind({
  name: 'forecast',
  schema: forecastEntrySchema,
  scope: 'unit',
  naturalKey: ['year', 'month'],
  fixedAfterCreate: ['year', 'month'],
  writers: { leader: '*' },
})

export const explanationKind = defineSyncKind({
  name: 'explanation',
  schema: explanationSchema,
  scope: 'unit',
  naturalKey: ['indicator', 'year', 'month'],
  fixedAfterCreate: ['indicator', 'year', 'month'],
  writers: { leader: '*' },
})

export const initiativeKind = defineSyncKind({
  name: 'initiative',
  schema: initiativeSchema,
  scope: 'unit',
  writers: { leader: '*' },
})

export const noteKind = defineSyncKind({
  name: 'note',
  schema: noteSchema,
  scope: 'unit',
  // Who may read a note follows from its visibility; changing it later would leave copies on
  // devices that may no longer read it.
  fixedAfterCreate: ['visibility'],
  writers: { leader: '*', area_chief: '*' },
  audience: [{ field: 'visibility', equals: 'oc_private', readers: ['area_chief'] }],
  conditions: [onlyTheAuthor],
  readsLogged: true,
})

export const dialoguePreparationKind = defineSyncKind({
  name: 'dialoguePreparation',
  schema: dialoguePreparationSchema,
  scope: 'unit',
  naturalKey: ['year', 'month'],
  fixedAfterCreate: ['year', 'month'],
  writers: { leader: '*' },
})

export const dialogueKind = defineSyncKind({
  name: 'dialogue',
  schema: dialogueSchema,
  scope: 'unit',
  fixedAfterCreate: ['kind'],
  writers: { area_chief: '*' },
})

/** The OC agrees the actions; the leader keeps their status (they are the leader's to-dos). */
export const dialogueActionKind = defineSyncKind({
  name: 'dialogueAction',
  schema: dialogueActionSchema,
  scope: 'unit',
  fixedAfterCreate: ['dialogueId'],
  writers: { area_chief: '*', leader: ['status', 'doneOn'] },
})

/** Each acknowledges the plan on their own device, in their own name (DOMAIN.md: the development plan). */
const ownAcknowledgement: WriteCondition = ({ principal, after, changed }) => {
  for (const field of ['leaderAcknowledgedBy', 'ocAcknowledgedBy'] as const) {
    if (!changed.includes(field) || !after) continue
    const by = after[field]
    if (by !== null && by !== principal.personId) return { field, message: 'Du kan kun kvittere for planen i dit eget navn.' }
  }
  return null
}

export const developmentPlanKind = defineSyncKind({
  name: 'developmentPlan',
  schema: developmentPlanSchema,
  scope: 'unit',
  fixedAfterCreate: ['fromDialogueId'],
  writers: {
    area_chief: ['fromDialogueId', 'indicators', 'startedOn', 'goals', 'actions', 'ocAcknowledgedOn', 'ocAcknowledgedBy', 'endedOn'],
    leader: ['goals', 'actions', 'leaderAcknowledgedOn', 'leaderAcknowledgedBy'],
  },
  conditions: [ownAcknowledgement],
})

/** Best practice and special units: the OC's marks for the directorate. */
export const unitMarkKind = defineSyncKind({
  name: 'unitMark',
  schema: unitMarkSchema,
  scope: 'unit',
  fixedAfterCreate: ['kind'],
  writers: { area_chief: '*' },
})

/** A unit's imported data changed (server/import): no person writes it; devices fetch the unit's figures anew. */
export const unitFiguresKind = defineSyncKind({
  name: 'unitFigures',
  schema: unitFiguresSchema,
  scope: 'unit',
  naturalKey: [],
  writers: {},
})

/** Every kind this build syncs, in pull order (ties in a change sequence never occur; this is the SQL's order). */
export const CORE_SYNC_KINDS = [
  actionPlanItemKind,
  forecastKind,
  explanationKind,
  initiativeKind,
  noteKind,
  dialoguePreparationKind,
  dialogueKind,
  dialogueActionKind,
  developmentPlanKind,
  unitMarkKind,
  unitFiguresKind,
] as const

export type CoreSyncKind = (typeof CORE_SYNC_KINDS)[number]
export type SyncTable = CoreSyncKind['name']
export type KindNamed<N extends SyncTable> = Extract<CoreSyncKind, { name: N }>

export const SYNC_KINDS = Object.fromEntries(CORE_SYNC_KINDS.map((k) => [k.name, k])) as { readonly [N in SyncTable]: KindNamed<N> }

/** A set of kinds by name: the server takes one (default the core's) so a test can add its own. */
export type SyncKindSet = ReadonlyMap<string, SyncKind>

export function kindSet(kinds: readonly SyncKind[] = CORE_SYNC_KINDS): SyncKindSet {
  return new Map(kinds.map((k) => [k.name, k]))
}
