// The demo municipality's organisation: areas, units with cost centres and EAN numbers, and each
// unit's design (its profile and the colours it is built to show). Nothing here depends on today,
// so the same units keep the same story whatever date the demo is started on.
import type { Colour, IndicatorKey, UnitType } from '../../core/types'
import { DAYCARE_NAMES, SCHOOL_NAMES } from './names'
import { rngFor } from './prng'
import type { AreaKind, Contact, DemoArea, DemoMunicipality, DemoUnit, Profile, UnitDesign } from './types'

export const MUNICIPALITY_ID = 'demo-kommune'

export const MUNICIPALITY: DemoMunicipality = {
  id: MUNICIPALITY_ID,
  name: 'Demo Kommune',
  config: {
    displayNames: { hng: 'HNG', buu: 'Børne- og Ungdomsudvalget' },
    lockDays: 14,
    economicsContact: { name: 'Økonomiteamet', email: 'oekonomi@demo.dk', phone: '+45 72 10 40 00' },
  },
}

interface AreaPlan {
  slug: string
  name: string
  kind: AreaKind
  costPrefix: string
  schools: readonly string[]
  daycare: readonly string[]
  contact: Contact
}

const AREA_PLANS: AreaPlan[] = [
  {
    slug: 'nord',
    name: 'Skoler Nord',
    kind: 'school',
    costPrefix: '4010',
    schools: SCHOOL_NAMES.slice(0, 14),
    daycare: [],
    contact: { name: 'Birgitte Lund', email: 'birgitte.lund@demo.dk', phone: '+45 72 10 40 11' },
  },
  {
    slug: 'syd',
    name: 'Dagtilbud Syd',
    kind: 'daycare',
    costPrefix: '4020',
    schools: [],
    daycare: DAYCARE_NAMES.slice(0, 16),
    contact: { name: 'Kasper Friis', email: 'kasper.friis@demo.dk', phone: '+45 72 10 40 12' },
  },
  {
    slug: 'vest',
    name: 'Område Vest',
    kind: 'mixed',
    costPrefix: '4030',
    schools: SCHOOL_NAMES.slice(14, 20),
    daycare: DAYCARE_NAMES.slice(16, 24),
    contact: { name: 'Signe Vestergaard', email: 'signe.vestergaard@demo.dk', phone: '+45 72 10 40 13' },
  },
]

export const AREAS: DemoArea[] = AREA_PLANS.map((a) => ({
  id: `area-${a.slug}`,
  municipalityId: MUNICIPALITY_ID,
  name: a.name,
  kind: a.kind,
  slug: a.slug,
}))

/** GS1 check digit, so the EAN numbers pass the same validation as real ones. */
export function eanCheckDigit(first12: string): number {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10
}

function makeUnits(): DemoUnit[] {
  const units: DemoUnit[] = []
  for (const plan of AREA_PLANS) {
    const named: Array<[string, UnitType]> = [
      ...plan.schools.map((n): [string, UnitType] => [n, 'school']),
      ...plan.daycare.map((n): [string, UnitType] => [n, 'daycare']),
    ]
    named.forEach(([name, unitType], i) => {
      const serial = units.length + 1
      const ean12 = `5798000${String(41000 + serial * 37).padStart(5, '0')}`
      units.push({
        id: `unit-${String(serial).padStart(3, '0')}`,
        areaId: `area-${plan.slug}`,
        name,
        unitType,
        costCentre: `${plan.costPrefix}-${1100 + (i + 1) * 12}`,
        ean: `${ean12}${eanCheckDigit(ean12)}`,
        economicsContact: { ...plan.contact },
      })
    })
  }
  return units
}

export const UNITS: DemoUnit[] = makeUnits()

type Tpl = [Colour, Colour, Colour, Colour] // budget, actionPlan, forecast, balance
const G = 'green',
  Y = 'yellow',
  R = 'red',
  N = 'grey'

// Cycled within each profile so every colour shows up for every indicator.
const TEMPLATES: Record<Profile, Tpl[]> = {
  good: [
    [G, G, G, G],
    [G, Y, G, G],
    [G, G, Y, G],
    [G, G, G, Y],
    [G, G, G, G],
  ],
  borderline: [
    [Y, Y, G, Y],
    [Y, G, Y, G],
    [Y, Y, G, G],
    [Y, G, G, Y],
    [Y, R, Y, G],
    [Y, Y, R, Y],
  ],
  struggling: [
    [R, R, R, R],
    [R, Y, R, Y],
    [R, R, Y, R],
    [R, G, R, R],
    [R, R, G, Y],
    [R, Y, R, R],
  ],
  missing: [
    [N, N, N, R],
    [N, R, N, Y],
    [N, G, N, G],
    [N, N, N, R],
  ],
}

const PROFILE_COUNTS: Record<Profile, number> = { good: 19, borderline: 11, struggling: 10, missing: 4 }

function budgetRange(unitType: UnitType, dominant: boolean): [number, number] {
  if (dominant) return [54e6, 56e6]
  return unitType === 'school' ? [25e6, 54e6] : [4e6, 14e6]
}

function makeDesigns(units: DemoUnit[]): UnitDesign[] {
  const rng = rngFor('profiles')
  const kinds = rng.shuffle((Object.keys(PROFILE_COUNTS) as Profile[]).flatMap((p) => Array<Profile>(PROFILE_COUNTS[p]).fill(p)))
  // The area's biggest school overruns a lot: the unit the directorate should notice first.
  const dominantIndex = 2
  const swapWith = kinds.findIndex((k, i) => k === 'struggling' && i !== dominantIndex)
  if (kinds[dominantIndex] !== 'struggling') {
    kinds[swapWith] = kinds[dominantIndex] as Profile
    kinds[dominantIndex] = 'struggling'
  }
  const used: Record<Profile, number> = { good: 0, borderline: 0, struggling: 0, missing: 0 }
  return units.map((unit, i) => {
    const profile = kinds[i] as Profile
    const dominant = i === dominantIndex
    const templates = TEMPLATES[profile]
    const tpl = dominant ? ([R, R, R, R] as Tpl) : (templates[used[profile]++ % templates.length] as Tpl)
    const keys: IndicatorKey[] = ['budget', 'actionPlan', 'forecast', 'balance']
    const colours = Object.fromEntries(keys.map((k, j) => [k, tpl[j]])) as Record<IndicatorKey, Colour>
    const [lo, hi] = budgetRange(unit.unitType, dominant)
    const u = rngFor(`design:${unit.id}`)
    return {
      unitId: unit.id,
      profile,
      colours,
      baseBudget: Math.round(u.between(lo, hi) / 10_000) * 10_000,
      seasonalProfile: u.chance(0.3),
      erratic: colours.forecast === 'red' || (colours.forecast === 'yellow' && u.chance(0.5)),
      dominant,
    }
  })
}

export const DESIGNS: UnitDesign[] = makeDesigns(UNITS)
