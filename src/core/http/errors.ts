// The one error body of the HTTP API: a code for the program, a Danish message for the person,
// and, when the refusal is about fields, which ones.
import { z } from 'zod'

export const errorDetailSchema = z.object({
  /** Dotted path of the field, e.g. `mutations.0.fields.body`; '' for the request as a whole. */
  path: z.string(),
  message: z.string(),
})

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(errorDetailSchema).optional(),
})
