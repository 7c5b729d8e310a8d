// The shape of the generated demo municipality: plain records, one array per table, so that the
// inserts are mechanical and the tests can judge the data with src/core directly.
// In the order the demo is made: people and places, figures, what people write, rules, lights.
import type {
  IsoDate,
  Role,
  UnitType,
  Period,
  MonthlyFigure,
  ForecastEntry,
  ActionPlanItem,
  BalanceAccount,
  RuleSet,
  IndicatorKey,
  Colour,
  Light,
} from '../../core/types'

export type AreaKind = 'school' | 'daycare' | 'mixed'

export interface Contact {
  name: string
  email: string
  phone: string
}

export interface MunicipalityConfig {
  displayNames: { hng: string; buu: string }
  lockDays: number
  economicsContact: Contact
}

export interface DemoMunicipality {
  id: string
  name: string
  config: MunicipalityConfig
}

export interface DemoArea {
  id: string
  municipalityId: string
  name: string
  kind: AreaKind
  /** Short key used in ids and e-mails: 'nord' → oc.nord@demo.dk */
  slug: string
}

export interface DemoUnit {
  id: string
  areaId: string
  name: string
  unitType: UnitType
  costCentre: string
  ean: string
  economicsContact: Contact
}

export interface DemoPerson {
  id: string
  email: string
  name: string
}

export interface DemoRole {
  id: string
  personId: string
  role: Role
  unitId: string | null
  areaId: string | null
}

/** How a unit is meant to look in the latest period; the generators make the data fit it. */
export type Profile = 'good' | 'borderline' | 'struggling' | 'missing'

export interface UnitDesign {
  unitId: string
  profile: Profile
  /** The colour each indicator is built to show in the latest period. */
  colours: Record<IndicatorKey, Colour>
  /** Annual budget before carry-over in the first year, kroner. */
  baseBudget: number
  /** True: the economics team imported a seasonal budget profile; false: twelfths. */
  seasonalProfile: boolean
  /** Forecasts that jump from month to month. */
  erratic: boolean
  /** The unit whose overrun dominates its area's. */
  dominant: boolean
}

export interface YearClose {
  municipalityId: string
  year: number
  closedAt: string
}

export interface RecordedLight {
  unitId: string
  indicator: IndicatorKey
  year: number
  month: number
  light: Light
  ruleSetId: string
}

/** A forecast as stored: the core entry plus its author. */
export type DemoForecast = ForecastEntry & { updatedBy: string; updatedAt: string }

export type DemoActionItem = ActionPlanItem & { createdBy: string }

/** One write of the dialogue chain's history (chainLog.ts): every field on a create, the changed ones after. */
export interface DemoChainWrite {
  kind: 'dialogue' | 'dialogueAction' | 'note' | 'developmentPlan' | 'unitMark'
  id: string
  unitId: string
  /** Who wrote it: the area's OC, or the leader keeping an action's status. */
  personId: string
  /** When (an ISO timestamp): the record's updatedAt. */
  at: string
  fields: Record<string, unknown>
  create: boolean
}

export interface DemoData {
  today: IsoDate
  /** The latest month with figures: the last complete month before today. */
  period: Period
  municipality: DemoMunicipality
  areas: DemoArea[]
  units: DemoUnit[]
  people: DemoPerson[]
  roles: DemoRole[]
  designs: UnitDesign[]
  ruleSets: RuleSet[]
  figures: MonthlyFigure[]
  forecasts: DemoForecast[]
  actionPlan: DemoActionItem[]
  balanceAccounts: BalanceAccount[]
  yearCloses: YearClose[]
  recordedLights: RecordedLight[]
  /** The OCs' dialogues, agreed actions, notes, development plans and marks, in the order they were written. */
  dialogueChain: DemoChainWrite[]
}
