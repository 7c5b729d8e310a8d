// Builders for lights, units, details and records, so each test states only what it is about.
import type {
  ActionPlanFacts,
  BalanceFacts,
  BudgetFacts,
  Colour,
  ForecastEntry,
  ForecastFacts,
  IndicatorFacts,
  Light,
  MissingReason,
  MonthlyFigure,
  Period,
  UnitLights,
} from '../../src/core/types'
import type { Me, UnitDetail, UnitSummary } from '../../src/client/api/types'
import type { LocalRecord, SyncTable } from '../../src/client/features/records/recordsStore'
import { i18n } from '../../src/client/i18n'
import type { Texts } from '../../src/client/features/lights/reasons'

export const PERIOD: Period = { year: 2026, month: 10 }

export function light(facts: IndicatorFacts, colour: Colour, extra: Partial<Light> = {}): Light {
  return { indicator: facts.kind, colour, period: PERIOD, ruleSetId: 'rs-1', source: 'computed', missing: null, facts, ...extra }
}

export function budgetFacts(over: Partial<BudgetFacts> = {}): BudgetFacts {
  return {
    kind: 'budget',
    budget: 12_100_000,
    forecast: 12_402_500,
    spendToDate: 10_100_000,
    accruedBudget: 10_083_333,
    difference: 302_500,
    deviation: 0.025,
    tolerance: 0.01,
    final: false,
    ...over,
  }
}

export function forecastFacts(over: Partial<ForecastFacts> = {}): ForecastFacts {
  return {
    kind: 'forecast',
    previousForecast: 12_000_000,
    impliedSpend: 4_100_000,
    actualSpend: 4_300_000,
    budget: 12_500_000,
    difference: 200_000,
    accuracy: 0.016,
    interval: 0.015,
    ...over,
  }
}

export function actionPlanFacts(over: Partial<ActionPlanFacts> = {}): ActionPlanFacts {
  return { kind: 'actionPlan', due: 5, doneOnTime: 3, fulfilment: 0.6, target: 0.8, ...over }
}

export function balanceFacts(over: Partial<BalanceFacts> = {}): BalanceFacts {
  return { kind: 'balance', due: 20, reconciledOnTime: 19, rate: 0.95, target: 0.95, greenAbove: 0.98, open: 1, late: 0, ...over }
}

export function greyLight(facts: IndicatorFacts, missing: MissingReason): Light {
  return light(facts, 'grey', { missing })
}

export function unitLights(colours: Partial<Record<keyof UnitLights, Colour>> = {}, period: Period = PERIOD): UnitLights {
  return {
    budget: light(budgetFacts(), colours.budget ?? 'red', { period }),
    actionPlan: light(actionPlanFacts(), colours.actionPlan ?? 'red', { period }),
    forecast: light(forecastFacts(), colours.forecast ?? 'red', { period }),
    balance: light(balanceFacts(), colours.balance ?? 'yellow', { period }),
  }
}

export function summary(id: string, name: string, overall: Colour = 'red'): UnitSummary {
  return { id, name, unitType: 'school', areaId: 'a1', areaName: 'Område Nord', overall, lights: unitLights(), overrun: 302_500 }
}

export function detail(id = 'u1'): UnitDetail {
  const history = Array.from({ length: 12 }, (_, i) => {
    const period = { year: i < 2 ? 2025 : 2026, month: i < 2 ? 11 + i : i - 1 }
    return { period, lights: unitLights({}, period) }
  })
  return {
    unit: {
      id,
      name: 'Skovbo Skole',
      unitType: 'school',
      areaId: 'a1',
      areaName: 'Område Nord',
      costCentre: '1001',
      ean: '5798000000001',
      economicsContact: { name: 'Eva Økonomi', email: 'eva@example.dk', phone: '12345678' },
    },
    asOf: '2026-10-31',
    period: PERIOD,
    figures: [],
    forecasts: [],
    actionPlan: [],
    balanceAccounts: [],
    lights: unitLights(),
    overall: 'red',
    history,
    ruleSet: {
      id: 'rs-1',
      municipalityId: 'm1',
      unitType: null,
      effectiveFrom: '2026-01-01',
      thresholds: { budgetTolerance: 0.01, actionPlanTarget: 0.8, forecastInterval: 0.015, balanceTarget: 0.95, balanceGreenMargin: 0.03 },
    },
  }
}

/** The Danish Texts, as components get them from useTexts(). */
export function daTexts(): Texts {
  const t = i18n.global.t as (...args: unknown[]) => string
  return {
    locale: 'da',
    t: (key, named) => (named ? t(key, named) : t(key)),
    tn: (key, n, named) => t(key, { n, ...named }, n),
  }
}

/** Playwright and people read spaces; Intl writes no-break spaces. Compare with plain ones. */
export function plain(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

type Found = { text(): string }
/** The button whose visible text is `name`; the error lists the buttons there are. */
export function buttonNamed<T extends Found>(w: { findAll(selector: 'button'): T[] }, name: string): T {
  const buttons = w.findAll('button')
  const b = buttons.find((x) => plain(x.text()) === name)
  if (!b) throw new Error(`no button "${name}" in: ${buttons.map((x) => plain(x.text())).join(' / ')}`)
  return b
}

/** An initiative of u1's budget as the leader planned it, with its fields as the server hands them out. */
export const INITIATIVE = {
  indicator: 'budget',
  title: 'Færre vikarer',
  owner: 'Lea',
  dueDate: '2026-12-01',
  expectedEffect: 150_000,
  status: 'in_progress',
} as const

/** A record as the records store hands it to a component (for the pure rules over them). */
export function record<T = Record<string, unknown>>(table: SyncTable, id: string, data: T, extra: Partial<LocalRecord<T>> = {}): LocalRecord<T> {
  return { table, id, scopeId: 'u1', version: 1, deleted: false, data, pendingFields: [], conflicts: [], rejection: null, ...extra }
}

/** A school with a budget of 12 mio. kr. spent evenly, figures January–October 2026, a September forecast of 12 mio. */
export function detailWithFigures(
  forecasts: ForecastEntry[] = [
    { id: 'f-9', unitId: 'u1', year: 2026, month: 9, amount: 12_000_000, explanation: null, updatedBy: 'p-leader', updatedAt: '2026-09-10T09:30:00.000Z' },
  ],
): UnitDetail {
  const figures: MonthlyFigure[] = Array.from({ length: 10 }, (_, i) => ({
    unitId: 'u1',
    year: 2026,
    month: i + 1,
    budget: 12_000_000,
    carryOver: 0,
    spendToDate: 1_000_000 * (i + 1),
    profileShare: (i + 1) / 12,
  }))
  return { ...detail('u1'), figures, forecasts }
}

/** A leader of unit u1, as /api/me gives it. */
export function leaderMe(): Me {
  return {
    person: { id: 'p-leader', name: 'Lea Leder', email: 'l@x.dk' },
    roles: [{ role: 'leader', unitId: 'u1' }],
    units: [{ id: 'u1', name: 'Skovbo Skole', areaId: 'a1' }],
    areas: [],
  }
}

/** The area chief of u1's area a1, as /api/me gives it. */
export function ocMe(): Me {
  return {
    person: { id: 'p-oc', name: 'Otto OC', email: 'o@x.dk' },
    roles: [{ role: 'area_chief', areaId: 'a1' }],
    units: [{ id: 'u1', name: 'Skovbo Skole', areaId: 'a1' }],
    areas: [{ id: 'a1', name: 'Område Nord' }],
  }
}
