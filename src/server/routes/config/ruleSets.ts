// The municipality's rule sets (core/http/config.ts has the contract), for the economics team alone.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ruleSetInputSchema } from '../../../core/config/ruleSetChange'
import { ruleSetEntrySchema, ruleSetListSchema } from '../../../core/http/config'
import { errorSchema } from '../../../core/http/errors'
import { economicsOnly } from '../../auth/economicsOnly'
import { createRuleSet, listRuleSets } from '../../config/ruleSets'
import type { AppContext } from '../../context'
import { refusedFields } from '../../http/errors'
import { closedYearsOf } from '../../repos/rules'
import { municipalityIdOr404 } from '../../repos/municipality'

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const ruleSetRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today }) => {
  economicsOnly(app, db)

  const municipalityId = () => municipalityIdOr404(db)

  const tags = ['config']
  const list = async () => {
    const id = await municipalityId()
    const [ruleSets, closedYears] = await Promise.all([listRuleSets(db, id), closedYearsOf(db, id)])
    return { ruleSets, closedYears, today: today() }
  }
  app.get(
    '/rule-sets',
    {
      schema: {
        tags,
        summary: "The municipality's rule sets, oldest first, with who made each (the economics team only)",
        response: { 200: ruleSetListSchema, 404: errorSchema },
      },
    },
    list,
  )

  const summary = 'Make a rule set that judges every period ending on or after its date (the economics team only); 422 says which field and why'
  app.post(
    '/rule-sets',
    { schema: { tags, summary, body: ruleSetInputSchema, response: { 201: ruleSetEntrySchema, 404: errorSchema, 422: errorSchema } } },
    async (request, reply) => {
      const outcome = await createRuleSet(db, { municipalityId: await municipalityId(), personId: request.person!.id, input: request.body })
      if (!outcome.ok) throw refusedFields('invalid_rule_set', outcome.issues)
      return reply.code(201).send(outcome.ruleSet)
    },
  )
}
