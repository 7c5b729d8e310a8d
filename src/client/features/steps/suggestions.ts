// Common causes and suggested initiatives per indicator, offered in the guided steps. The leader
// picks what fits and edits it; nothing here is saved until they do. Danish only: these are ideas
// in the users' own words, not interface labels (English users see them in Danish too).
import type { IndicatorKey } from '../../../core/types'

export interface SuggestedInitiative {
  title: string
  /** Only for the budget: a rough share of the overrun the initiative may win back (0–1). */
  effectShare?: number
}

export const COMMON_CAUSES: Readonly<Record<IndicatorKey, readonly string[]>> = {
  budget: [
    'Flere vikartimer end planlagt (sygdom, barsel)',
    'Flere børn/elever med særlige behov end budgetteret',
    'Uforudsete udgifter til bygning eller inventar',
    'Lønstigninger eller overenskomst ikke fuldt budgetteret',
    'Lavere indtægter end forventet (fx forældrebetaling, salg)',
    'Engangsudgift, der ikke gentager sig',
    'Fejlkontering, der rettes senere',
  ],
  actionPlan: [
    'Handlingen var mere omfattende end forventet',
    'Manglende tid eller personale',
    'Afhængig af andre (forvaltning, leverandør)',
    'Prioriteringer er ændret i løbet af året',
    'Status er ikke opdateret, selv om handlingen er udført',
  ],
  forecast: [
    'Prognosen blev ikke opdateret sidste måned',
    'Forbruget faldt på et andet tidspunkt end budgettets periodisering',
    'Store regninger blev betalt tidligere eller senere end ventet',
    'Uforudsete udgifter eller indtægter',
    'Usikkerhed om løn og vikarer',
  ],
  balance: [
    'Manglende tid til afstemning',
    'Usikkerhed om, hvordan kontoen afstemmes',
    'Manglende adgang eller rettigheder i økonomisystemet',
    'Afventer bilag eller oplysninger fra andre',
    'Ny medarbejder på opgaven',
  ],
}

export const SUGGESTED_INITIATIVES: Readonly<Record<IndicatorKey, readonly SuggestedInitiative[]>> = {
  budget: [
    { title: 'Stram op på brugen af vikarer', effectShare: 0.4 },
    { title: 'Udskyd indkøb, der ikke er nødvendige i år', effectShare: 0.3 },
    { title: 'Gennemgå vagtplan og normering', effectShare: 0.3 },
    { title: 'Gennemgå forbruget konto for konto med økonomikonsulenten' },
  ],
  actionPlan: [
    { title: 'Gennemgå handleplanen med personalet og fordel ansvar' },
    { title: 'Aftal nye realistiske frister for forsinkede handlinger' },
    { title: 'Opdatér status på udførte handlinger' },
  ],
  forecast: [
    { title: 'Opdatér prognosen hver måned efter månedsafslutning' },
    { title: 'Tjek kendte store udgifter resten af året' },
    { title: 'Gennemgå budgettets periodisering med økonomikonsulenten' },
  ],
  balance: [
    { title: 'Sæt faste tider i kalenderen til afstemning' },
    { title: 'Bed økonomi om hjælp til de konti, der er svære' },
    { title: 'Sørg for adgang til økonomisystemet for den, der afstemmer' },
  ],
}
