// Record schemas of src/core turned into one Danish message per field, for forms that show each
// error beside its field (and keep everything the person typed).
import type { z } from 'zod'

export type FieldErrors = Record<string, string>

export function schemaErrors(schema: z.ZodType, candidate: unknown): FieldErrors {
  const parsed = schema.safeParse(candidate)
  if (parsed.success) return {}
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '_'
    errors[field] ??= issue.message
  }
  return errors
}
