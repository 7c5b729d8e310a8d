// The shapes of the HTTP API in CONTRACT.md, as the client reads them.
import type {
  ActionPlanItem, BalanceAccount, Colour, ForecastEntry, IsoDate, MonthlyFigure, Period, Role, RuleSet, UnitLights, UnitType,
} from '../../core/types'

export interface Me {
  person: { id: string; name: string; email: string }
  roles: Array<{ role: Role; unitId?: string; areaId?: string }>
  units: Array<{ id: string; name: string; areaId: string }>
  areas: Array<{ id: string; name: string }>
}

export interface UnitSummary {
  id: string
  name: string
  unitType: UnitType
  areaId: string
  areaName: string
  overall: Colour
  lights: UnitLights
  overrun: number
}

export interface UnitsResponse {
  asOf: IsoDate | null
  units: UnitSummary[]
}

export interface UnitDetail {
  unit: {
    id: string
    name: string
    unitType: UnitType
    areaId: string
    areaName: string
    costCentre: string
    ean: string
    economicsContact: { name: string; email: string; phone: string }
  }
  asOf: IsoDate | null
  period: Period | null
  figures: MonthlyFigure[]
  forecasts: ForecastEntry[]
  actionPlan: ActionPlanItem[]
  balanceAccounts: BalanceAccount[]
  lights: UnitLights
  overall: Colour
  history: Array<{ period: Period; lights: UnitLights }>
  ruleSet: RuleSet
}

export interface DemoAccount {
  email: string
  name: string
  role: Role
  unitId?: string
  unitName?: string
  areaId?: string
  areaName?: string
}
