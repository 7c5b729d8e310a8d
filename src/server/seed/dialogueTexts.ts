// The Danish words of the demo's dialogue chain: minutes, agreed actions, notes, the development
// plan and the OC's marks, in the dialogue guide's own terms (seed 000, the OC's row). Kept apart
// from the chain's dates and rules (dialogues.ts) so either can be read without the other.
import type { IndicatorKey } from '../../core/types'

/** The indicators as the app names them (src/client/i18n/locales/da.json). */
export const INDICATOR_NAMES: Readonly<Record<IndicatorKey, string>> = {
  budget: 'Budgetoverholdelse',
  actionPlan: 'Handleplan',
  forecast: 'Korrekt estimering i prognoser',
  balance: 'Afstemte balancekonti',
}

export const SUPPORT_MINUTES: Readonly<Record<IndicatorKey, readonly string[]>> = {
  budget: [
    'Budgettet er skredet: det forventede regnskab ligger over det korrigerede budget. Vi gennemgik vikarforbrug og indkøb måned for måned.',
    'Lederen ved, at økonomikonsulenten kan hjælpe, når der er problemer med økonomistyringsredskaberne.',
    'Vi gennemgik, hvordan prognosen bygges op fra det periodiserede budget.',
  ],
  actionPlan: [
    'Handleplanen er ikke overholdt: flere handlinger er ikke nået til tiden. Vi prioriterede de vigtigste og satte nye datoer.',
    'Hver handling har nu én ansvarlig, og status gennemgås på personalemødet hver måned.',
  ],
  forecast: [
    'Estimeringerne ligger uden for intervallet. Vi talte om, hvorvidt der er valide årsager til afvigelsen: en del skyldes en forsinket lønrefusion, resten ikke.',
    'Vejledning i prognostisering: prognosen opdateres den første hverdag i måneden ud fra forbruget og det periodiserede budget.',
  ],
  balance: [
    'Balancekonti er afstemt lavere end måltallet. Vi gennemgik de konti, der ikke var afstemt til tiden.',
    'Vejledning i at afstemme balancekonti: en fast dag hver måned, og økonomiteamet kontaktes, hvis en post ikke kan forklares.',
  ],
}

export const RECOGNITION_MINUTES: Readonly<Record<IndicatorKey, string>> = {
  budget: 'Budgettet er overholdt — en flot indsats. Vi drøftede, hvordan resultatet fastholdes med den faste månedlige opfølgning med teamlederne.',
  actionPlan: 'Handleplanen er indfriet. Vi drøftede, hvordan resultatet fastholdes, når nye handlinger kommer til.',
  forecast: 'Estimeringerne ligger inden for intervallet. Metoden med at fremskrive ud fra det periodiserede budget virker og bør fastholdes.',
  balance: 'Balancekonti er afstemt højere end måltallet. Den faste afstemningsdag fungerer.',
}

/** The dialogue guide: the OC judges whether there is best practice to collect for the other areas. */
export const BEST_PRACTICE_MINUTES =
  'Vi vurderede, at der er et best practice-eksempel, som bør opsamles og udbredes til de andre områder. Det indstilles til direktionen.'

export const FOLLOW_UP_MINUTES: Readonly<Record<IndicatorKey, { improved: string; notImproved: string }>> = {
  budget: {
    improved: 'Budgettet: forbruget følger nu planen, og prognosen ser rimelig ud.',
    notImproved: 'Budgettet: forbruget er ikke bragt ned, og prognosen er ikke forbedret siden dialogen.',
  },
  actionPlan: {
    improved: 'Handleplanen: de forsinkede handlinger er i gang, og de nye datoer holder.',
    notImproved: 'Handleplanen: de forsinkede handlinger er stadig ikke gennemført.',
  },
  forecast: {
    improved: 'Prognoserne: de seneste tre prognoser ligger inden for intervallet.',
    notImproved: 'Prognoserne: estimeringerne ligger fortsat uden for intervallet.',
  },
  balance: {
    improved: 'Balancekonti: de udestående konti er afstemt, og den faste afstemningsdag holdes.',
    notImproved: 'Balancekonti: afstemningen er ikke forbedret.',
  },
}

export const FOLLOW_UP_NEXT = {
  visit: 'Da enhedens prognoser ser rimelige ud, kommer områdechefen igen om 6 måneder.',
  plan: 'Enheden har ikke forbedret sig: vi udarbejder i fællesskab en udviklingsplan på én side, som er udgangspunkt for de næste dialoger.',
}

export const VISIT_MINUTES = [
  'Besøg efter opfølgningen: resultatet holder, og lederen har styr på prognoserne.',
  'Besøg: udviklingen er fastholdt. Vi aftalte at fortsætte den faste månedlige opfølgning.',
] as const

/** An agreed action: what, and who owns it (the leader, the economics contact or the OC). */
export interface ActionText {
  title: string
  owner: 'leader' | 'economics' | 'oc'
}

export const SUPPORT_ACTIONS: Readonly<Record<IndicatorKey, readonly ActionText[]>> = {
  budget: [
    { title: 'Gennemgå vikarforbruget måned for måned sammen med økonomikonsulenten', owner: 'economics' },
    { title: 'Stop for indkøb, der ikke er nødvendige, resten af året', owner: 'leader' },
    { title: 'Plan for bemanding efter sommerferien, der holder sig inden for budgettet', owner: 'leader' },
  ],
  actionPlan: [
    { title: 'Sæt nye datoer på de forsinkede handlinger i handleplanen', owner: 'leader' },
    { title: 'Udpeg én ansvarlig for hver handling i handleplanen', owner: 'leader' },
  ],
  forecast: [
    { title: 'Opdatér prognosen den første hverdag i hver måned', owner: 'leader' },
    { title: 'Kursus i prognoseværktøjet med økonomiteamet', owner: 'economics' },
  ],
  balance: [
    { title: 'Afstem balancekonti den 10. i hver måned', owner: 'leader' },
    { title: 'Gennemgå de uafstemte konti med økonomiteamet', owner: 'economics' },
  ],
}

export const RECOGNITION_ACTIONS: readonly ActionText[] = [
  { title: 'Fortæl om den faste budgetopfølgning på næste ledermøde', owner: 'leader' },
  { title: 'Skriv metoden ned, så andre enheder kan bruge den', owner: 'leader' },
  { title: 'Tag erfaringerne med til områdets ledermøde', owner: 'oc' },
]

/** The OC's own points on the agenda. */
export const OWN_AGENDA_POINTS = [
  'Sygefravær i personalegruppen',
  'Bemanding i det kommende halvår',
  'Indkøbsaftaler og fælles udbud',
  'Status på bygningsvedligehold',
  'Samarbejdet med forældrebestyrelsen',
  'Overgang til nyt økonomisystem',
] as const

/** Shared notes the OC writes at a dialogue: seen by the leader and the OC. */
export const SHARED_NOTES = [
  'Lederen sender den opdaterede prognose inden udgangen af måneden.',
  'Økonomikonsulenten deltager i næste møde og tager forbrugsrapporten med.',
  'Aftalt at lederen kontakter økonomiteamet, hvis prognoseværktøjet driller igen.',
  'Materialet fra mødet er delt med lederen. Næste møde er sat i kalenderen.',
  'Lederen orienterer personalegruppen om de aftalte handlinger på næste personalemøde.',
] as const

/** The OC's own notes: never seen by the leader or the directorate. */
export const PRIVATE_NOTES = [
  'Lederen virker presset. Overvej at tilbyde sparring, og tal med HR, hvis sygefraværet stiger.',
  'Hvis der ikke er bedring ved opfølgningen, tager jeg enheden op med direktionen.',
  'Personalegruppen er i forandring efter to opsigelser — hold øje med vikarforbruget.',
  'Lederen var usikker på prognoseværktøjet, men ville ikke sige det højt. Tilbyd hjælp diskret.',
] as const

export const PLAN_GOALS: Readonly<Record<IndicatorKey, string>> = {
  budget: 'Det forventede regnskab er inden for budgettet ved årets udgang.',
  actionPlan: 'Mindst 80 % af handleplanens handlinger er gennemført til tiden.',
  forecast: 'Prognoserne ligger inden for intervallet tre måneder i træk.',
  balance: 'Alle balancekonti er afstemt til tiden hver måned.',
}

/** A development plan's action, due dueMonths after the plan starts (null: at the plan's first meeting). */
export interface PlanActionText {
  what: string
  owner: ActionText['owner'] | 'leaderAndEconomics'
  dueMonths: number | null
}

export const PLAN_ACTIONS: Readonly<Record<IndicatorKey, readonly PlanActionText[]>> = {
  budget: [
    { what: 'Månedlig gennemgang af forbrug og prognose', owner: 'leaderAndEconomics', dueMonths: 1 },
    { what: 'Faste vikarer i stedet for vikarbureau fra næste måned', owner: 'leader', dueMonths: 2 },
  ],
  actionPlan: [{ what: 'Forsinkede handlinger i handleplanen får nye datoer og en ansvarlig', owner: 'leader', dueMonths: 1 }],
  forecast: [{ what: 'Prognosen opdateres den første hverdag i måneden og forklares ved afvigelse', owner: 'leader', dueMonths: 1 }],
  balance: [{ what: 'Afstemning af alle balancekonti på en fast dag hver måned', owner: 'leader', dueMonths: 1 }],
}

/** Always on the plan: the OC's dialogue in the plan's rhythm (due on its first meeting: dueMonths null). */
export const PLAN_FOLLOW_UP_ACTION: PlanActionText = { what: 'Opfølgning på planen med områdechefen i planens rytme', owner: 'oc', dueMonths: null }

/** Added when a plan would otherwise hold fewer than three actions. */
export const PLAN_SHARED_WITH_STAFF: PlanActionText = { what: 'Planen gennemgås med personalegruppen', owner: 'leader', dueMonths: 1 }

export const BEST_PRACTICE_TEXTS: Readonly<Record<IndicatorKey, string>> = {
  budget:
    'Fast månedlig budgetopfølgning med teamlederne: hver teamleder kender sit delbudget og gennemgår forbruget med lederen den første uge i måneden. Kan udbredes til de andre områder.',
  actionPlan: 'Handleplanen på én tavle på personalestuen med én ansvarlig og én dato pr. handling; status gennemgås hvert personalemøde.',
  forecast: 'Prognosen fremskrives ud fra det periodiserede budget og de kendte ændringer, og afvigelser forklares med det samme.',
  balance: 'En fast afstemningsdag den 10. i måneden med en tjekliste, så ingen balancekonto glemmes.',
}

export function specialUnitText(unitName: string, indicators: readonly IndicatorKey[], dominant: boolean): string {
  const names = indicators.map((i) => INDICATOR_NAMES[i].toLowerCase()).join(' og ')
  const weight = dominant ? ' Overskridelsen påvirker hele områdets resultat uforholdsmæssigt meget.' : ''
  return `${unitName} er ikke forbedret ved opfølgningen (${names}), og en udviklingsplan er sat i gang.${weight} Bringes videre til drøftelse med direktionen.`
}
