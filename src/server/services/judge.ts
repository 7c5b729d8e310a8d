// Turns database rows into traffic lights with the pure rules of src/core. Everything a unit is
// judged by (rule sets, closed years, the period) is loaded per municipality once per request.
import { endOfMonthIso, periodOf } from '../../core/dates'
import { lightHistory, overallColour, unitLights, unitOverrun, type ImportedValue, type LightOptions, type UnitInput } from '../../core/lights'
import { defaultRuleSet, ruleSetFor } from '../../core/rules'
import type { Colour, IndicatorKey, IsoDate, Light, Period, RuleSet, UnitLights } from '../../core/types'
import { indicatorsOffOn } from '../config/settings'
import type { Db } from '../db/db'
import { loadUnitFacts, type UnitFacts } from '../repos/figures'
import { closedYearsOf, importedValuesOf, latestPeriodOf, recordedLightsOf, ruleSetsOf } from '../repos/rules'
import type { UnitRow } from '../repos/units'

export interface MunicipalityContext {
  ruleSets: RuleSet[]
  closedYears: number[]
  /** The latest month with figures anywhere in the municipality; null before the first import. */
  period: Period | null
  /** Switched off for the municipality today: not judged (core/indicators/inUse.ts). */
  indicatorsOff: IndicatorKey[]
}

export interface JudgedUnit {
  unit: UnitRow
  facts: UnitFacts
  input: UnitInput
  recorded: Light[]
  /** Values the economics team imported ready-made: they are judged instead of computed. */
  imported: ImportedValue[]
  period: Period | null
  asOf: IsoDate | null
  lights: UnitLights
  overall: Colour
  /** Forecast overrun in kroner (P − B when positive): the size of the problem inside a colour. */
  overrun: number
}

async function contextOf(db: Db, municipalityId: string, today: IsoDate): Promise<MunicipalityContext> {
  const [ruleSets, closedYears, period, indicatorsOff] = await Promise.all([
    ruleSetsOf(db, municipalityId),
    closedYearsOf(db, municipalityId),
    latestPeriodOf(db, municipalityId),
    indicatorsOffOn(db, municipalityId, today),
  ])
  // A municipality the economics team has not configured yet is judged by the default thresholds.
  return { ruleSets: ruleSets.length ? ruleSets : [defaultRuleSet(municipalityId)], closedYears, period, indicatorsOff }
}

export class Judge {
  private readonly contexts = new Map<string, Promise<MunicipalityContext>>()

  constructor(
    private readonly db: Db,
    private readonly today: IsoDate,
  ) {}

  context(municipalityId: string): Promise<MunicipalityContext> {
    let ctx = this.contexts.get(municipalityId)
    if (!ctx) {
      ctx = contextOf(this.db, municipalityId, this.today)
      this.contexts.set(municipalityId, ctx)
    }
    return ctx
  }

  /** Judges the units at their municipality's latest period. */
  async judge(units: UnitRow[]): Promise<JudgedUnit[]> {
    if (units.length === 0) return []
    const contexts = new Map<string, MunicipalityContext>()
    for (const id of new Set(units.map((u) => u.municipalityId))) contexts.set(id, await this.context(id))
    const years = [...contexts.values()].map((c) => (c.period ?? periodOf(this.today)).year)
    // Two years back covers 24 months of figures plus the month before the oldest one in the history.
    const fromYear = Math.min(...years) - 2
    const ids = units.map((u) => u.id)
    const [facts, recorded, imported] = await Promise.all([
      loadUnitFacts(this.db, ids, fromYear),
      recordedLightsOf(this.db, ids),
      importedValuesOf(this.db, ids),
    ])
    return units.map((unit) => {
      const ctx = contexts.get(unit.municipalityId) as MunicipalityContext
      const unitFacts = facts.get(unit.id) ?? { figures: [], forecasts: [], actionPlan: [], balanceAccounts: [] }
      const input: UnitInput = {
        unit: { id: unit.id, municipalityId: unit.municipalityId, unitType: unit.unitType },
        ...unitFacts,
      }
      const unitRecorded = recorded.get(unit.id) ?? []
      const unitImported = imported.get(unit.id) ?? []
      const period = ctx.period ?? periodOf(this.today)
      const lights = unitLights(input, period, this.options(ctx, unitRecorded, unitImported))
      return {
        unit,
        facts: unitFacts,
        input,
        recorded: unitRecorded,
        imported: unitImported,
        period: ctx.period,
        asOf: ctx.period ? endOfMonthIso(ctx.period) : null,
        lights,
        overall: overallColour(lights),
        overrun: unitOverrun(lights),
      }
    })
  }

  async history(judged: JudgedUnit, months: number): Promise<Array<{ period: Period; lights: UnitLights }>> {
    if (!judged.period) return []
    const ctx = await this.context(judged.unit.municipalityId)
    return lightHistory(judged.input, judged.period, months, this.options(ctx, judged.recorded, judged.imported))
  }

  /** The rule set the current lights were judged by (the one in force today if none is named). */
  async ruleSet(judged: JudgedUnit): Promise<RuleSet> {
    const ctx = await this.context(judged.unit.municipalityId)
    const judgedBy = Object.values(judged.lights)[0]?.ruleSetId
    const named = ctx.ruleSets.find((s) => s.id === judgedBy)
    return named ?? ruleSetFor(ctx.ruleSets, { municipalityId: judged.unit.municipalityId, unitType: judged.unit.unitType, date: this.today })
  }

  private options(ctx: MunicipalityContext, recorded: Light[], imported: ImportedValue[]): LightOptions {
    return {
      today: this.today,
      ruleSets: ctx.ruleSets,
      closedYears: ctx.closedYears,
      recorded,
      imported,
      latestForecastOn: this.today,
      indicatorsOff: ctx.indicatorsOff,
    }
  }
}
