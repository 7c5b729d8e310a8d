// A synced field's kind — how it is stored (its SQL cast) and normalised before comparing — read
// off the record's zod schema, so a kind's declaration never lists its fields a second time. The
// primitives that a plain zod type does not tell apart (an amount is a number, a date a string) are
// marked here in a registry rather than in schemaPrimitives.ts, so that module stays about values.
import { z } from 'zod'
import { amountSchema, isoDateSchema, timestampSchema } from '../schemaPrimitives'

/** How a field is stored: decides the SQL cast and how a value is normalised before comparing. */
export type FieldKind = 'text' | 'int' | 'amount' | 'date' | 'timestamp' | 'bool' | 'json'

/** Schemas whose kind their zod type does not say. Reused by reference: `amountSchema.nullable()` is an amount. */
export const syncFieldKinds = z.registry<{ syncKind: FieldKind }>()
syncFieldKinds.add(amountSchema, { syncKind: 'amount' })
syncFieldKinds.add(isoDateSchema, { syncKind: 'date' })
syncFieldKinds.add(timestampSchema, { syncKind: 'timestamp' })

type Def = { type: string; innerType?: z.ZodType; format?: string | null }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** The kind of one field's schema; throws for a type sync cannot store (a declaration error, found at start). */
export function fieldKindOf(schema: z.ZodType, where: string): FieldKind {
  const marked = syncFieldKinds.get(schema)
  if (marked) return marked.syncKind
  const def = defOf(schema)
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fieldKindOf(def.innerType as z.ZodType, where)
    case 'pipe':
      return fieldKindOf((def as unknown as { in: z.ZodType }).in, where)
    case 'string':
    case 'enum':
    case 'literal':
      return 'text'
    case 'boolean':
      return 'bool'
    case 'number':
      if ((schema as z.ZodNumber).isInt) return 'int'
      throw new Error(`${where}: a number that is neither an int nor amountSchema — mark it in fieldKinds.ts`)
    case 'array':
    case 'object':
    case 'record':
    case 'union':
    case 'tuple':
      return 'json'
    default:
      throw new Error(`${where}: zod type '${def.type}' has no sync field kind`)
  }
}
