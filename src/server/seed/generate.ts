// generateDemo(today): the whole demo municipality as plain records, pure and deterministic for a
// given today. The latest period is the last complete month before today; 24 months of figures end
// there, the year before it is closed and its December lights are recorded.
import { periodOf, periodsBack, previousPeriod } from '../../core/dates'
import { unitLights, type UnitInput } from '../../core/lights'
import type { IsoDate, MonthlyFigure, Period } from '../../core/types'
import { unitActionPlan } from './actionPlans'
import { unitBalanceAccounts } from './balanceAccounts'
import { balanceOverruns, designedDeviation, unitBudgets, type OverrunTarget, type UnitBudgets, type YearBudget } from './budgets'
import { demoDialogueChain } from './dialogues'
import { profileShares, spendSeries } from './figures'
import { settleLatestSpend, yearForecasts } from './forecasts'
import { AREAS, DESIGNS, MUNICIPALITY, MUNICIPALITY_ID, UNITS } from './org'
import { leaderIdOf, PEOPLE, ROLES } from './people'
import { makeRuleSets, thresholdsAt } from './ruleSets'
import type { DemoData, DemoForecast, DemoUnit, RecordedLight, UnitDesign } from './types'

interface UnitPlan {
  unit: DemoUnit
  design: UnitDesign
  budgets: UnitBudgets
  target: OverrunTarget
}

function planUnits(years: number[], last: Period, ruleSets: ReturnType<typeof makeRuleSets>): UnitPlan[] {
  const plans = UNITS.map((unit, i) => {
    const design = DESIGNS[i] as UnitDesign
    const budgets = unitBudgets(design, years)
    const current = budgets.years[budgets.years.length - 1] as YearBudget
    const t = thresholdsAt(ruleSets, unit.unitType, last)
    const target: OverrunTarget = {
      unit,
      design,
      budget: current.budget,
      deviation: designedDeviation(design, t),
      tolerance: t.budgetTolerance,
    }
    return { unit, design, budgets, target }
  })
  balanceOverruns(plans.map((p) => p.target))
  for (const p of plans) {
    const current = p.budgets.years[p.budgets.years.length - 1] as YearBudget
    current.yearEnd = current.budget + Math.round((p.target.deviation * current.budget) / 1000) * 1000
  }
  return plans
}

function unitSeries(plan: UnitPlan, periods: Period[], interval: number): { figures: MonthlyFigure[]; forecasts: DemoForecast[] } {
  const { unit, design } = plan
  const first = periods[0] as Period
  const last = periods[periods.length - 1] as Period
  const ctx = { design, leaderId: leaderIdOf(unit.id), first, last, interval }
  const forecasts = plan.budgets.years.flatMap((yb) => yearForecasts(ctx, yb))
  const shares = profileShares(unit.unitType, design.seasonalProfile)
  const lumpy = design.erratic || design.profile === 'struggling'
  const figures: MonthlyFigure[] = []
  for (const yb of plan.budgets.years) {
    const spend = spendSeries(unit.id, yb.year, unit.unitType, lumpy, yb.yearEnd)
    if (yb.year === last.year) spend[last.month - 1] = settleLatestSpend(design, forecasts, yb, spend, shares, last.month, interval)
    for (const p of periods.filter((x) => x.year === yb.year)) {
      figures.push({
        unitId: unit.id,
        year: p.year,
        month: p.month,
        budget: yb.budget,
        carryOver: yb.carryOver,
        spendToDate: spend[p.month - 1] as number,
        profileShare: shares[p.month - 1] as number,
      })
    }
  }
  return { figures, forecasts }
}

export function generateDemo(today: IsoDate): DemoData {
  const last = previousPeriod(periodOf(today))
  const periods = periodsBack(last, 24)
  const first = periods[0] as Period
  const years = [...new Set(periods.map((p) => p.year))]
  const ruleSets = makeRuleSets(first.year, last.year)
  const closedYear = last.year - 1
  const closedAt = `${closedYear + 1}-01-31`

  const data: DemoData = {
    today,
    period: last,
    municipality: MUNICIPALITY,
    areas: AREAS,
    units: UNITS,
    people: PEOPLE,
    roles: ROLES,
    designs: DESIGNS,
    ruleSets,
    figures: [],
    forecasts: [],
    actionPlan: [],
    balanceAccounts: [],
    yearCloses: [{ municipalityId: MUNICIPALITY_ID, year: closedYear, closedAt: `${closedAt}T12:00:00.000Z` }],
    recordedLights: [],
    dialogueChain: demoDialogueChain({ today, areas: AREAS, units: UNITS, designs: DESIGNS, people: PEOPLE }),
  }

  for (const plan of planUnits(years, last, ruleSets)) {
    const { unit, design } = plan
    const t = thresholdsAt(ruleSets, unit.unitType, last)
    const { figures, forecasts } = unitSeries(plan, periods, t.forecastInterval)
    const actionPlan = unitActionPlan(unit, design, leaderIdOf(unit.id), years, last, today, t)
    const balanceAccounts = unitBalanceAccounts(unit, design, first, last, today, t)
    data.figures.push(...figures)
    data.forecasts.push(...forecasts)
    data.actionPlan.push(...actionPlan)
    data.balanceAccounts.push(...balanceAccounts)

    const input: UnitInput = {
      unit: { id: unit.id, municipalityId: MUNICIPALITY_ID, unitType: unit.unitType },
      figures,
      forecasts,
      actionPlan,
      balanceAccounts,
    }
    const december = { year: closedYear, month: 12 }
    const lights = unitLights(input, december, { today: closedAt, ruleSets, closedYears: [closedYear] })
    for (const light of Object.values(lights)) {
      const recorded: RecordedLight = { unitId: unit.id, indicator: light.indicator, year: closedYear, month: 12, light, ruleSetId: light.ruleSetId }
      data.recordedLights.push(recorded)
    }
  }
  return data
}
