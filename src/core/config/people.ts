// People and their roles as the economics team keeps them: a person's name, e-mail and roles (each
// held towards its unit or area), checked alike by the form and the server — an e-mail is one
// person's, and nobody takes the economics role from themself (the team would lock itself out).
import { z } from 'zod'
import { emailSchema, nonEmptyText } from '../schemaPrimitives'
import { roleGrantSchema } from '../schemas'

/** The shortest password a reset link accepts. */
export const MIN_PASSWORD_LENGTH = 10

export const personInputSchema = z.object({
  name: nonEmptyText('Navnet', 200),
  email: emailSchema,
  roles: z.array(roleGrantSchema).max(50, { error: 'En person kan højst have 50 roller.' }),
})
export type PersonInput = z.infer<typeof personInputSchema>
export type RoleGrantInput = PersonInput['roles'][number]

export const newPasswordSchema = z
  .string({ error: 'Skriv en adgangskode.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.` })
  .max(1024, { error: 'Adgangskoden er for lang.' })

export interface PersonIssue {
  field: 'name' | 'email' | 'roles'
  message: string
}

export interface PeopleContext {
  /** Who makes the change. */
  by: string
  /** The person changed; null when one is made. */
  personId: string | null
  /** Every other person's e-mail, in lower case. */
  otherEmails: ReadonlySet<string>
}

/** The same grant twice says nothing more: one of each. */
export function distinctGrants(roles: readonly RoleGrantInput[]): RoleGrantInput[] {
  const seen = new Set<string>()
  return roles.filter((g) => {
    const key = `${g.role}|${g.unitId ?? ''}|${g.areaId ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function personChangeIssues(input: PersonInput, ctx: PeopleContext): PersonIssue[] {
  const issues: PersonIssue[] = []
  const email = input.email.trim().toLowerCase()
  if (ctx.otherEmails.has(email)) issues.push({ field: 'email', message: `Der findes allerede en person med e-mailadressen ${email}.` })
  if (ctx.personId === ctx.by && !input.roles.some((g) => g.role === 'economics')) {
    issues.push({ field: 'roles', message: 'Du kan ikke fjerne din egen rolle i økonomiteamet. Bed en kollega om det.' })
  }
  return issues
}
