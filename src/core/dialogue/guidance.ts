// The OC's guidance for a dialogue, per topic: what the dialogue guide (seed 000, the row
// "Områdechef") asks the area chief to do for each indicator and purpose, in the seed's own Danish
// words where it has them, with English beside. The months come from the chain's rules, so the
// text cannot say one thing while the proposed dates say another.
import { developmentPlanRhythm, FOLLOW_UP_MONTHS, VISIT_AFTER_MONTHS } from '../dialogueChain'
import type { DialoguePurpose, DialogueTopic, IndicatorKey } from '../types'
import { indicatorIndex } from './order'

export interface GuidancePoint {
  da: string
  en: string
}

export interface TopicGuidance {
  indicator: IndicatorKey
  purpose: DialoguePurpose
  points: GuidancePoint[]
}

const monthsDa = (n: number) => (n === 1 ? 'en måned' : `${n} måneder`)
const monthsEn = (n: number) => (n === 1 ? 'one month' : `${n} months`)

/** What the support dialogue is to help the unit with, and what the follow-up judges. */
const SUBJECT: Readonly<Record<IndicatorKey, { helpDa: string; helpEn: string; judgedDa: string; judgedEn: string }>> = {
  budget: {
    helpDa: 'Hjælp enheden til at overholde budgettet.',
    helpEn: 'Help the unit keep its budget.',
    judgedDa: 'enhedens prognoser',
    judgedEn: "the unit's forecasts",
  },
  actionPlan: {
    helpDa: 'Hjælp enheden til at indfri handleplanen.',
    helpEn: 'Help the unit fulfil its action plan.',
    judgedDa: 'enhedens prognoser',
    judgedEn: "the unit's forecasts",
  },
  forecast: {
    helpDa: 'Hjælp enheden til at forbedre sine prognoser.',
    helpEn: 'Help the unit improve its forecasts.',
    judgedDa: 'enhedens prognoser',
    judgedEn: "the unit's forecasts",
  },
  balance: {
    helpDa: 'Hjælp enheden til at forbedre sin afstemning af balancekonti.',
    helpEn: 'Help the unit improve how it reconciles its balance accounts.',
    judgedDa: 'enhedens afstemninger',
    judgedEn: "the unit's reconciliations",
  },
}

const RECOGNISED: Readonly<Record<IndicatorKey, GuidancePoint>> = {
  budget: { da: 'Anerkend indsatsen: budgettet er overholdt.', en: 'Acknowledge the effort: the budget is kept.' },
  actionPlan: { da: 'Anerkend indsatsen: handleplanen er indfriet.', en: 'Acknowledge the effort: the action plan is fulfilled.' },
  forecast: { da: 'Anerkend indsatsen: estimeringerne ligger inden for interval.', en: 'Acknowledge the effort: the forecasts are within the interval.' },
  balance: { da: 'Anerkend indsatsen: balancekontiene er afstemt korrekt.', en: 'Acknowledge the effort: the balance accounts are reconciled correctly.' },
}

const FORECASTING: GuidancePoint = { da: 'Vejled den lokale leder i prognostisering.', en: 'Guide the leader in forecasting.' }
const GET_HELP: GuidancePoint = {
  da: 'Ved den lokale leder, hvor han/hun kan henvende sig, hvis der i enheden er problemer med at betjene økonomistyringsredskaberne?',
  en: 'Does the leader know where to turn if the unit has trouble using the financial management tools?',
}
const FURTHER_STEPS = {
  da: 'igangsæt evt. yderligere tiltag mhp. at forbedre enhedens evne til økonomistyring.',
  en: "start further steps, if needed, to improve the unit's financial management.",
}

function supportPoints(indicator: IndicatorKey): GuidancePoint[] {
  const months = FOLLOW_UP_MONTHS[indicator]
  const { helpDa, helpEn, judgedDa, judgedEn } = SUBJECT[indicator]
  const followUp: GuidancePoint = {
    da: `Følg op på dialogen efter ${monthsDa(months)}, og tal bl.a. om ${judgedDa}.`,
    en: `Follow up on the dialogue after ${monthsEn(months)} and talk about ${judgedEn}, among other things.`,
  }
  switch (indicator) {
    case 'budget':
    case 'actionPlan':
      return [{ da: helpDa, en: helpEn }, GET_HELP, FORECASTING, followUp]
    case 'forecast':
      return [
        { da: helpDa, en: helpEn },
        { da: 'Tal om, hvorvidt der er valide årsager til afvigelsen eller ej.', en: 'Talk about whether there are valid reasons for the deviation or not.' },
        { da: `Vejled den lokale leder i prognostisering, og ${FURTHER_STEPS.da}`, en: `Guide the leader in forecasting and ${FURTHER_STEPS.en}` },
        followUp,
      ]
    case 'balance':
      return [
        { da: helpDa, en: helpEn },
        {
          da: `Vejled den lokale leder i at afstemme balancekonti, og ${FURTHER_STEPS.da}`,
          en: `Guide the leader in reconciling balance accounts and ${FURTHER_STEPS.en}`,
        },
        followUp,
      ]
  }
}

function recognitionPoints(indicator: IndicatorKey): GuidancePoint[] {
  return [
    RECOGNISED[indicator],
    { da: 'Drøft forslag til at fastholde resultatet.', en: 'Discuss how to keep the result.' },
    {
      da: 'Vurder, om der er best practice-eksempler, som kan opsamles mhp. udbredelse til de andre områder. I så fald: markér dem som best practice og indstil til direktionen.',
      en: 'Judge whether there is best practice to collect and spread to the other areas. If so, mark it as best practice and recommend it to the directorate.',
    },
  ]
}

function followUpPoints(indicator: IndicatorKey): GuidancePoint[] {
  const { judgedDa, judgedEn } = SUBJECT[indicator]
  const rhythm = developmentPlanRhythm(indicator)
  const plan: GuidancePoint =
    rhythm === 1
      ? {
          da: 'Er der ikke sket en forbedring, udarbejdes der i fællesskab en udviklingsplan på én side. Den er udgangspunkt for efterfølgende månedlige dialoger om enhedens prognoser.',
          en: "If it has not improved, write a one-page development plan together. It is the basis of monthly dialogues on the unit's forecasts that follow.",
        }
      : {
          da: `Er der ikke sket en forbedring, udarbejdes der i fællesskab en udviklingsplan på én side. Den er udgangspunkt for en efterfølgende samtale ${monthsDa(rhythm)} efter.`,
          en: `If it has not improved, write a one-page development plan together. It is the basis of a follow-up conversation ${monthsEn(rhythm)} later.`,
        }
  return [
    {
      da: `Vurder, om ${judgedDa} er forbedret — med indikatorens lys nu og dets historik som grundlag.`,
      en: `Judge whether ${judgedEn} have improved, with the indicator's current light and its history as evidence.`,
    },
    {
      da: `Ser ${judgedDa} rimelige ud, aftales det, at områdechefen først kommer igen efter ${monthsDa(VISIT_AFTER_MONTHS)}.`,
      en: `If ${judgedEn} look reasonable, agree that the area chief comes again only after ${monthsEn(VISIT_AFTER_MONTHS)}.`,
    },
    plan,
    {
      da: 'Kun særlige enheder bringes videre til drøftelse med direktionen: markér enheden som særlig enhed, hvis den skal.',
      en: 'Only special units are carried on to the directorate: mark the unit as a special unit if it should be.',
    },
  ]
}

function pointsFor(topic: DialogueTopic): GuidancePoint[] {
  switch (topic.purpose) {
    case 'support':
      return supportPoints(topic.indicator)
    case 'recognition':
      return recognitionPoints(topic.indicator)
    case 'follow_up':
      return followUpPoints(topic.indicator)
  }
}

/** The guidance for each topic, in the fixed indicator order (as the agenda lists them). */
export function guidanceFor(topics: readonly DialogueTopic[]): TopicGuidance[] {
  return [...topics]
    .sort((a, b) => indicatorIndex(a.indicator) - indicatorIndex(b.indicator))
    .map((topic) => ({ indicator: topic.indicator, purpose: topic.purpose, points: pointsFor(topic) }))
}
