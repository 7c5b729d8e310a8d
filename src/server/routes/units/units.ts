// Unit reads. Scope is checked before anything is loaded, and a unit out of scope gets the very
// same 404 as a unit that does not exist, so ids cannot be probed.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../../core/http/errors'
import { unitDetailSchema, unitListSchema, unitParamsSchema } from '../../../core/http/units'
import { compareUnitsWorstFirst } from '../../../core/lights'
import { canReadUnit, scopeFor, unitFilter, type Scope } from '../../auth/scope'
import type { AppContext } from '../../context'
import type { Db } from '../../db/db'
import { notFoundUnit } from '../../http/errors'
import { getUnit, listUnits, type UnitRow } from '../../repos/units'
import { Judge } from '../../services/judge'
import { settingsOn } from '../../config/settings'
import type { IsoDate } from '../../../core/types'

const FIGURE_MONTHS = 24
const HISTORY_MONTHS = 12

/** The unit's own economics contact, or the municipality's (its settings) for a unit without one. */
async function contactOf(db: Db, unit: UnitRow, day: IsoDate, lockDays: number): Promise<UnitRow['economicsContact']> {
  if (unit.economicsContact.name || unit.economicsContact.email) return unit.economicsContact
  return (await settingsOn(db, unit.municipalityId, day, lockDays)).economicsContact
}

/** The unit, if it exists and the scope may read it; otherwise the one 404. */
export async function readableUnit(db: Db, scope: Scope, unitId: string): Promise<UnitRow> {
  const unit = canReadUnit(scope, unitId) ? await getUnit(db, unitId) : null
  if (!unit) throw notFoundUnit()
  return unit
}

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify awaits a plugin's promise (FastifyPluginAsync), await or not
export const unitRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { db, today, dialogueLockDays }) => {
  app.get(
    '',
    {
      schema: {
        tags: ['units'],
        summary: 'The units in the caller’s scope with their lights, worst first',
        response: { 200: unitListSchema },
      },
    },
    async (request) => {
      const scope = await scopeFor(db, request.person!.id)
      const units = await listUnits(db, unitFilter(scope))
      const judged = await new Judge(db, today()).judge(units)
      const asOf = judged.reduce<string | null>((max, j) => (j.asOf && (!max || j.asOf > max) ? j.asOf : max), null)
      const summaries = judged.map((j) => ({
        id: j.unit.id,
        name: j.unit.name,
        unitType: j.unit.unitType,
        areaId: j.unit.areaId,
        areaName: j.unit.areaName,
        overall: j.overall,
        lights: j.lights,
        overrun: j.overrun,
      }))
      return { asOf, units: summaries.sort(compareUnitsWorstFirst) }
    },
  )

  app.get(
    '/:unitId',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit: figures, forecasts, action plan, balance accounts, lights and their history',
        params: unitParamsSchema,
        response: { 200: unitDetailSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const scope = await scopeFor(db, request.person!.id)
      const unit = await readableUnit(db, scope, request.params.unitId)
      const judge = new Judge(db, today())
      const [judged] = await judge.judge([unit])
      if (!judged) throw notFoundUnit()
      const [history, ruleSet, contact] = await Promise.all([
        judge.history(judged, HISTORY_MONTHS),
        judge.ruleSet(judged),
        contactOf(db, unit, today(), dialogueLockDays),
      ])
      const { municipalityId: _m, ...unitView } = unit
      return {
        unit: { ...unitView, economicsContact: contact },
        asOf: judged.asOf,
        period: judged.period,
        figures: judged.facts.figures.slice(-FIGURE_MONTHS),
        forecasts: judged.facts.forecasts,
        actionPlan: judged.facts.actionPlan,
        balanceAccounts: judged.facts.balanceAccounts,
        lights: judged.lights,
        overall: judged.overall,
        history,
        ruleSet,
      }
    },
  )
}
