// Zod schemas of every record, shared by client and server: one truth for a record's shape and a
// Danish message for every refusal. Field names follow types.ts and the SQL schema in camelCase.
import { z } from 'zod'
import { isBlank, MAX_LIST_ITEMS, MAX_NOTE_LENGTH, MAX_REASON_LENGTH, MAX_TITLE_LENGTH } from './limits'
import {
  actionStatusSchema,
  amountSchema,
  boundedText,
  emailSchema,
  forecastMonthSchema,
  idSchema,
  indicatorKeySchema,
  isoDateSchema,
  monthSchema,
  nonEmptyText,
  roleSchema,
  shareSchema,
  timestampSchema,
  unitTypeSchema,
  yearSchema,
} from './schemaPrimitives'

export * from './schemaPrimitives'
export { lightSchema, ruleSetSchema } from './lightSchemas'
export * from './dialogueSchemas'

export const areaSchema = z.object({
  id: idSchema,
  municipalityId: idSchema,
  name: nonEmptyText('Navnet'),
  kind: z.enum(['school', 'daycare', 'mixed'], { error: 'Områdetypen skal være skole, institution eller blandet.' }),
})

export const economicsContactSchema = z.object({
  name: boundedText('Kontaktens navn', MAX_TITLE_LENGTH),
  email: emailSchema.or(z.literal('')),
  phone: boundedText('Kontaktens telefonnummer', MAX_TITLE_LENGTH),
})

export const unitSchema = z.object({
  id: idSchema,
  areaId: idSchema,
  name: nonEmptyText('Navnet'),
  unitType: unitTypeSchema,
  costCentre: nonEmptyText('Omkostningsstedet'),
  ean: z.string().regex(/^\d{13}$/, { error: 'EAN-nummeret skal være 13 cifre.' }),
  economicsContact: economicsContactSchema,
})

export const personSchema = z.object({ id: idSchema, email: emailSchema, name: nonEmptyText('Navnet') })

const roleGrantShape = { role: roleSchema, unitId: idSchema.nullable(), areaId: idSchema.nullable() }

/** A leader holds a unit, an area chief an area; the other roles neither (as the SQL checks). */
function scopedAsItsRole<S extends z.ZodType<{ role: string; unitId: string | null; areaId: string | null }>>(schema: S) {
  return schema
    .refine((r) => (r.role === 'leader') === (r.unitId !== null), { error: 'En leder skal have en enhed — og kun en leder har det.', path: ['unitId'] })
    .refine((r) => (r.role === 'area_chief') === (r.areaId !== null), {
      error: 'En områdechef skal have et område — og kun en områdechef har det.',
      path: ['areaId'],
    })
}

/** A role as the economics team gives it: the role and the unit or area it is held towards. */
export const roleGrantSchema = scopedAsItsRole(z.object(roleGrantShape))
export const roleAssignmentSchema = scopedAsItsRole(z.object({ id: idSchema, personId: idSchema, ...roleGrantShape }))

export const monthlyFigureSchema = z.object({
  unitId: idSchema,
  year: yearSchema,
  month: monthSchema,
  budget: amountSchema,
  carryOver: amountSchema,
  spendToDate: amountSchema,
  profileShare: shareSchema,
})

/**
 * The latest import that changed a unit's figures, balance accounts or action plan: written by
 * the server alone, synced so that a device learns on its next pull that it should fetch them.
 */
export const unitFiguresSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  importedAt: timestampSchema,
  importId: idSchema,
})

export const balanceAccountSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  number: nonEmptyText('Kontonummeret'),
  name: nonEmptyText('Kontonavnet'),
  dueDate: isoDateSchema,
  reconciledOn: isoDateSchema.nullable(),
})

export const actionPlanItemSchema = z
  .object({
    id: idSchema,
    unitId: idSchema,
    year: yearSchema,
    title: nonEmptyText('Titlen'),
    dueDate: isoDateSchema,
    status: actionStatusSchema,
    doneOn: isoDateSchema.nullable(),
    dropReason: boundedText('Begrundelsen', MAX_REASON_LENGTH).nullable(),
  })
  .refine((i) => i.status !== 'done' || i.doneOn !== null, { error: 'En udført handling skal have en dato for, hvornår den blev udført.', path: ['doneOn'] })
  .refine((i) => i.status !== 'dropped' || !isBlank(i.dropReason ?? ''), { error: 'Angiv en begrundelse, når en handling udgår.', path: ['dropReason'] })

export const forecastEntrySchema = z.object({
  id: idSchema,
  unitId: idSchema,
  year: yearSchema,
  month: forecastMonthSchema,
  amount: amountSchema,
  explanation: boundedText('Forklaringen', MAX_REASON_LENGTH).nullable(),
  updatedBy: idSchema.nullable().optional(),
  updatedAt: timestampSchema.optional(),
})

export const explanationSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  indicator: indicatorKeySchema,
  year: yearSchema,
  month: monthSchema,
  causes: z.array(nonEmptyText('Årsagen'), { error: 'Årsager skal være en liste.' }).max(MAX_LIST_ITEMS, { error: `Højst ${MAX_LIST_ITEMS} årsager.` }),
  body: boundedText('Teksten', MAX_NOTE_LENGTH),
  validReason: z.boolean({ error: 'Angiv ja eller nej.' }).nullable(),
})

export const initiativeSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  indicator: indicatorKeySchema,
  title: nonEmptyText('Titlen'),
  owner: boundedText('Den ansvarlige', MAX_TITLE_LENGTH),
  dueDate: isoDateSchema.nullable(),
  expectedEffect: amountSchema.nullable(),
  status: actionStatusSchema,
  /**
   * How it is going, in the leader's words ("vikarerne er opsagt, effekt fra uge 25"). Empty by
   * default, so a device built before the field existed still creates a valid initiative.
   */
  progressNote: boundedText('Fremdriften', MAX_NOTE_LENGTH).default(''),
})

export const noteSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  indicator: indicatorKeySchema.nullable(),
  year: yearSchema.nullable(),
  month: monthSchema.nullable(),
  body: nonEmptyText('Noten', MAX_NOTE_LENGTH),
  visibility: z.enum(['shared', 'oc_private'], { error: 'Synlighed skal være delt eller privat for områdechefen.' }),
  /** The dialogue the note was written at, if any; it then locks with the dialogue's minutes. */
  dialogueId: idSchema.nullable().default(null),
})

export const dialoguePreparationSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  year: yearSchema,
  month: monthSchema,
  questions: boundedText('Spørgsmålene', MAX_NOTE_LENGTH),
  readyAt: timestampSchema.nullable(),
})

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Adgangskoden mangler.' }).min(1, { error: 'Adgangskoden mangler.' }).max(1024, { error: 'Adgangskoden er for lang.' }),
})
