// The records of the dialogue chain (DOMAIN.md "The dialogue chain"; seed 000, the OC's row): the
// dialogues with their follow-ups, the actions agreed at them, the development plan on one page and
// the OC's marks for the directorate. Shared by client and server like every record schema.
import { z } from 'zod'
import { MAX_LIST_ITEMS, MAX_MINUTES_LENGTH, MAX_NOTE_LENGTH, MAX_REASON_LENGTH, MAX_TITLE_LENGTH } from './limits'
import { boundedText, idSchema, indicatorKeySchema, isoDateSchema, nonEmptyText } from './schemaPrimitives'

/**
 * dialogue: the support and recognition dialogue the lights call for; follow_up: the follow-up 1 or
 * 3 months after a support dialogue; visit: the next visit 6 months after an improvement;
 * plan_follow_up: a development plan's meeting in its rhythm.
 */
export const dialogueKindSchema = z.enum(['dialogue', 'follow_up', 'visit', 'plan_follow_up'], { error: 'Ukendt type dialog.' })
/** What the dialogue is about for one indicator: support (red), recognition (green), or its follow-up. */
export const dialoguePurposeSchema = z.enum(['support', 'recognition', 'follow_up'], { error: 'Ukendt formål med dialogen.' })

export const dialogueTopicSchema = z.strictObject(
  { indicator: indicatorKeySchema, purpose: dialoguePurposeSchema },
  { error: 'Et emne har kun en indikator og et formål.' },
)

/**
 * An agenda point the OC adds: plain text, or a point with a title (older records carried points
 * over this way; the carried-over actions are now built from the actions themselves). Strict: an
 * unknown key is refused, so no device can store an arbitrary (or arbitrarily nested) object.
 */
export const agendaItemSchema = z.union(
  [
    nonEmptyText('Punktet'),
    z.strictObject(
      {
        title: nonEmptyText('Punktets titel'),
        carriedOverFrom: idSchema.nullable().optional(),
        fromLast: z.boolean({ error: 'Angiv ja eller nej.' }).optional(),
        done: z.boolean({ error: 'Angiv ja eller nej.' }).optional(),
      },
      { error: 'Et punkt har kun titel, hvor det kommer fra, og om det er udført.' },
    ),
  ],
  { error: 'Et punkt på dagsordenen skal være en tekst eller et punkt med en titel.' },
)

const uniqueIndicators = (topics: readonly { indicator: string }[]) => new Set(topics.map((t) => t.indicator)).size === topics.length

export const dialogueSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  kind: dialogueKindSchema,
  topics: z.array(dialogueTopicSchema).max(4, { error: 'Højst de fire indikatorer.' }).refine(uniqueIndicators, { error: 'Hver indikator højst én gang.' }),
  /** The dialogue this one follows up (a follow-up's support dialogue, a visit's follow-up). */
  followsFrom: idSchema.nullable(),
  scheduledOn: isoDateSchema,
  heldOn: isoDateSchema.nullable(),
  agenda: z.array(agendaItemSchema).max(MAX_LIST_ITEMS, { error: `Højst ${MAX_LIST_ITEMS} punkter på dagsordenen.` }),
  minutes: boundedText('Referatet', MAX_MINUTES_LENGTH, { trim: false }),
  /** At a follow-up, per indicator: did it improve (the OC's judgement, with the light as evidence). */
  improved: z.partialRecord(indicatorKeySchema, z.boolean({ error: 'Angiv forbedret eller ikke forbedret.' })),
  /** Set by the server's "Genåbn" alone (core/history/dialogueLock.ts): the lock counts again from here. */
  reopenedOn: isoDateSchema.nullable(),
  reopenReason: boundedText('Begrundelsen', MAX_REASON_LENGTH),
})

/** planned → done or dropped; the leader keeps the status of their own to-dos. */
export const dialogueActionStatusSchema = z.enum(['open', 'done', 'dropped'], { error: 'Status skal være åben, udført eller udgået.' })

export const dialogueActionSchema = z
  .object({
    id: idSchema,
    unitId: idSchema,
    /** The dialogue where it was agreed: the agendas after it carry it over until it is done. */
    dialogueId: idSchema,
    title: nonEmptyText('Handlingen'),
    owner: boundedText('Den ansvarlige', MAX_TITLE_LENGTH),
    dueOn: isoDateSchema.nullable(),
    status: dialogueActionStatusSchema,
    doneOn: isoDateSchema.nullable(),
  })
  .refine((a) => (a.status === 'done') === (a.doneOn !== null), { error: 'En udført handling har en dato — og kun den.', path: ['doneOn'] })

export const planActionSchema = z.strictObject(
  { what: nonEmptyText('Handlingen'), owner: boundedText('Den ansvarlige', MAX_TITLE_LENGTH), dueOn: isoDateSchema.nullable() },
  { error: 'En handling i planen har kun hvad, hvem og hvornår.' },
)

/** The development plan on one page (udviklingsplan på én side), written by leader and OC together. */
export const developmentPlanSchema = z
  .object({
    id: idSchema,
    unitId: idSchema,
    /** The follow-up at which the indicators had not improved. */
    fromDialogueId: idSchema.nullable(),
    indicators: z
      .array(indicatorKeySchema)
      .min(1, { error: 'Planen gælder mindst én indikator.' })
      .max(4, { error: 'Højst de fire indikatorer.' })
      .refine((list) => new Set(list).size === list.length, { error: 'Hver indikator højst én gang.' }),
    startedOn: isoDateSchema,
    goals: z.array(nonEmptyText('Målet', MAX_REASON_LENGTH)).max(10, { error: 'Højst 10 mål — planen skal kunne være på én side.' }),
    actions: z.array(planActionSchema).max(12, { error: 'Højst 12 handlinger — planen skal kunne være på én side.' }),
    /** Each acknowledges on their own device: the date, and who (their person id). */
    leaderAcknowledgedOn: isoDateSchema.nullable(),
    leaderAcknowledgedBy: idSchema.nullable(),
    ocAcknowledgedOn: isoDateSchema.nullable(),
    ocAcknowledgedBy: idSchema.nullable(),
    endedOn: isoDateSchema.nullable(),
  })
  .refine((p) => (p.leaderAcknowledgedOn === null) === (p.leaderAcknowledgedBy === null), {
    error: 'En kvittering har både dato og navn.',
    path: ['leaderAcknowledgedOn'],
  })
  .refine((p) => (p.ocAcknowledgedOn === null) === (p.ocAcknowledgedBy === null), { error: 'En kvittering har både dato og navn.', path: ['ocAcknowledgedOn'] })

/** best_practice: recognised at a dialogue, for the directorate to spread; special_unit: carried on to the directorate. */
export const unitMarkKindSchema = z.enum(['best_practice', 'special_unit'], { error: 'Ukendt markering.' })

export const unitMarkSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  kind: unitMarkKindSchema,
  indicator: indicatorKeySchema.nullable(),
  /** The best practice in a few lines, or why the unit is special. */
  text: nonEmptyText('Beskrivelsen', MAX_NOTE_LENGTH),
  dialogueId: idSchema.nullable(),
  markedOn: isoDateSchema,
  endedOn: isoDateSchema.nullable(),
})
