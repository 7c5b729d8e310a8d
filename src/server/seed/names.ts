// Believable Danish names for the demo municipality: units, people, accounts and actions. Plain
// lists, so the generators only choose and never invent spelling.

export const SCHOOL_NAMES = [
  'Lindehøj Skole',
  'Engskolen',
  'Bakkeskolen',
  'Nordbyskolen',
  'Søndervangskolen',
  'Kildeskolen',
  'Rosenvængets Skole',
  'Skovbrynet Skole',
  'Højvangskolen',
  'Møllevangskolen',
  'Strandskolen',
  'Egeskolen',
  'Vestre Skole',
  'Åbyskolen',
  'Tranehøjskolen',
  'Stjerneskolen',
  'Bøgeskolen',
  'Fjordskolen',
  'Hedegårdsskolen',
  'Ådalens Skole',
] as const

export const DAYCARE_NAMES = [
  'Børnehuset Solsikken',
  'Vuggestuen Mælkebøtten',
  'Børnehaven Regnbuen',
  'Dagtilbuddet Troldehøj',
  'Børnehuset Myretuen',
  'Vuggestuen Bikuben',
  'Børnehaven Skovtrolden',
  'Børnehuset Kernehuset',
  'Vuggestuen Humlebien',
  'Børnehaven Spiren',
  'Børnehuset Mariehønen',
  'Vuggestuen Pusterummet',
  'Børnehaven Æblehaven',
  'Børnehuset Ørnereden',
  'Vuggestuen Lærkereden',
  'Børnehaven Kastanjen',
  'Børnehuset Svalen',
  'Vuggestuen Sommerfuglen',
  'Børnehaven Fyrtårnet',
  'Børnehuset Havtornen',
  'Naturbørnehaven Grantoppen',
  'Børnehuset Guldklumpen',
  'Vuggestuen Tusindfryd',
  'Børnehaven Egernet',
] as const

export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Susanne',
  'Lene',
  'Camilla',
  'Louise',
  'Charlotte',
  'Tina',
  'Pia',
  'Helle',
  'Karina',
  'Maria',
  'Trine',
  'Rikke',
  'Signe',
  'Birgitte',
  'Dorthe',
  'Marianne',
  'Line',
  'Peter',
  'Jens',
  'Lars',
  'Henrik',
  'Søren',
  'Thomas',
  'Michael',
  'Martin',
  'Jesper',
  'Rasmus',
  'Anders',
  'Niels',
  'Morten',
  'Jakob',
  'Kasper',
  'Mads',
  'Christian',
  'Torben',
  'Ole',
  'Bo',
] as const

export const LAST_NAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Knudsen',
  'Jakobsen',
  'Lauridsen',
  'Kjærgaard',
  'Østergaard',
  'Holm',
  'Bach',
  'Frederiksen',
  'Dalgaard',
  'Vestergaard',
  'Søgaard',
  'Lund',
  'Bøgh',
  'Dam',
  'Winther',
  'Skov',
  'Friis',
  'Brandt',
  'Ravn',
  'Højgaard',
  'Eriksen',
] as const

/** Balance accounts a unit reconciles each quarter (number, name). */
export const BALANCE_ACCOUNTS = [
  ['9105', 'Mellemregning med kassen'],
  ['9120', 'Forudbetalte udgifter'],
  ['9210', 'Skyldige feriepenge'],
  ['9225', 'Kreditorer — leverandører'],
  ['9240', 'Debitorer — forældrebetaling'],
  ['9310', 'Købsmoms'],
  ['9330', 'Lønrefusion — sygedagpenge'],
  ['9410', 'Depositum og garantier'],
] as const

export const SCHOOL_ACTIONS = [
  'Fælles planlægning af vikardækning',
  'Gennemgå indkøbsaftaler med leverandører',
  'Kompetenceudvikling i læsevejledning',
  'Revidér skemalægning for 7.–9. klasse',
  'Månedlig opfølgning på forbrug med teamledere',
  'Trivselsmåling og opfølgning i alle klasser',
  'Nedbring sygefraværet med 1 procentpoint',
  'IT-plan for elevcomputere',
  'Styrk forældresamarbejdet i indskolingen',
  'LED-belysning i gymnastiksalen',
  'Fælles indkøb af undervisningsmidler med naboskolen',
  'Plan for inklusion i almenklasserne',
] as const

export const DAYCARE_ACTIONS = [
  'Implementér den styrkede pædagogiske læreplan',
  'Sprogvurdering af alle 3-årige',
  'Tilpas åbningstid og personalenormering',
  'Nyt udbud af madordningen',
  'Fælles legepladsdag med naboinstitution',
  'Sygefraværssamtaler med alle medarbejdere',
  'Indkøb af udendørs legeredskaber',
  'Forældretilfredshedsundersøgelse',
  'Månedlig gennemgang af vikarforbrug',
  'Overgangsplan fra vuggestue til børnehave',
  'Fælles vikarkorps med nabohuset',
  'Energitjek af bygningen',
] as const

export const DROP_REASONS = [
  'Udskudt til næste år på grund af ombygning.',
  'Erstattet af en fælles kommunal indsats.',
  'Ikke længere relevant efter ny lovgivning.',
] as const

/** Why a forecast moved by more than the interval (afvigelsesforklaring). */
export const FORECAST_EXPLANATIONS = [
  'Uforudset vikarforbrug på grund af langtidssygdom.',
  'Indkøb af inventar er rykket frem fra næste år.',
  'Forventet lønrefusion er forsinket.',
  'Flere børn indskrevet end budgetteret.',
  'Vedligeholdelse af tag efter stormskade.',
  'Ny tildelingsmodel giver lavere budget end ventet.',
] as const

/** A name as it may stand in an e-mail address: 'Søren Østergaard' → 'soeren-oestergaard'. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
