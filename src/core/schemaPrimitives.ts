// Building blocks of the record schemas, each with a Danish message for the person who typed or
// imported the value.
import { z } from 'zod'
import { isIsoDate } from './dates'
import { AMOUNT_LIMIT, groupThousands, hasUnstorableCharacter, ID_PATTERN, isBlank, MAX_EMAIL_LENGTH, MAX_ID_LENGTH, MAX_TITLE_LENGTH } from './limits'
import { COLOURS, INDICATORS } from './types'

// The app runs under a strict Content-Security-Policy without 'unsafe-eval'. Zod otherwise probes
// for eval to compile fast parsers, which the browser reports as a CSP violation.
z.config({ jitless: true })

// Not trimmed: an id is compared as sent, so ' a' must be refused, not quietly read as 'a'.
export const idSchema = z
  .string({ error: 'Id skal være en tekst.' })
  .refine((s) => !isBlank(s), { error: 'Id må ikke være tomt.' })
  .max(MAX_ID_LENGTH, { error: `Id må højst være ${MAX_ID_LENGTH} tegn.` })
  .regex(ID_PATTERN, { error: 'Id må kun indeholde bogstaverne a–z, tal og tegnene - _ . :' })

export const isoDateSchema = z
  .string({ error: 'Dato skal være en tekst (ÅÅÅÅ-MM-DD).' })
  .refine(isIsoDate, { error: 'Ugyldig dato — brug formatet ÅÅÅÅ-MM-DD, fx 2025-03-31.' })

/** A moment in time (timestamptz) as ISO 8601 with a zone, e.g. 2025-03-31T12:00:00.000Z. */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'Ugyldigt tidspunkt — brug ISO 8601, fx 2025-03-31T12:00:00Z.' })

// Compared in øre as it is stored: 999.999.999.999,999 rounds to 10^12 and would not fit.
export const amountSchema = z
  .number({ error: 'Beløbet skal være et tal.' })
  .refine(Number.isFinite, { error: 'Beløbet skal være et endeligt tal.' })
  .refine((v) => Math.abs(Math.round(v * 100)) < AMOUNT_LIMIT * 100, {
    error: `Beløbet skal være mindre end ${groupThousands(AMOUNT_LIMIT)} kr.`,
  })

export const yearSchema = z
  .number({ error: 'År skal være et tal.' })
  .int({ error: 'År skal være et helt tal.' })
  .min(2000, { error: 'År skal være 2000 eller senere.' })
  .max(2100, { error: 'År skal være 2100 eller tidligere.' })

export const monthSchema = z
  .number({ error: 'Måned skal være et tal.' })
  .int({ error: 'Måned skal være et helt tal.' })
  .min(1, { error: 'Måned skal være mellem 1 og 12.' })
  .max(12, { error: 'Måned skal være mellem 1 og 12.' })

/** The month a forecast was given in: 0 is December of the year before. */
export const forecastMonthSchema = z
  .number({ error: 'Måned skal være et tal.' })
  .int({ error: 'Måned skal være et helt tal.' })
  .min(0, { error: 'Måned skal være mellem 0 og 12 (0 = december året før).' })
  .max(12, { error: 'Måned skal være mellem 0 og 12 (0 = december året før).' })

export const shareSchema = z
  .number({ error: 'Andelen skal være et tal.' })
  .min(0, { error: 'Andelen skal være mellem 0 og 1.' })
  .max(1, { error: 'Andelen skal være mellem 0 og 1.' })

export const countSchema = z.number().int({ error: 'Antal skal være et helt tal.' }).min(0, { error: 'Antal kan ikke være negativt.' })

export const emailSchema = z
  .email({ error: 'Ugyldig e-mailadresse.' })
  .max(MAX_EMAIL_LENGTH, { error: `E-mailadressen må højst være ${MAX_EMAIL_LENGTH} tegn.` })

/** A text of at most `max` characters (after trimming, unless told not to) that the database can store. */
export const boundedText = (what: string, max: number, opts: { trim?: boolean } = {}) => {
  const text = z.string({ error: `${what} skal være en tekst.` })
  return (opts.trim === false ? text : text.trim())
    .max(max, { error: `${what} må højst være ${groupThousands(max)} tegn.` })
    .refine((s) => !hasUnstorableCharacter(s), { error: `${what} indeholder et tegn, der ikke kan gemmes (fx et nul-tegn).` })
}

/** A bounded text with something visible in it: only spaces or zero-width characters count as empty. */
export const nonEmptyText = (what: string, max: number = MAX_TITLE_LENGTH) =>
  boundedText(what, max).refine((s) => !isBlank(s), { error: `${what} må ikke være tom.` })

export const indicatorKeySchema = z.enum(INDICATORS, { error: 'Ukendt indikator.' })
export const colourSchema = z.enum(COLOURS, { error: 'Ukendt farve.' })
export const unitTypeSchema = z.enum(['school', 'daycare'], { error: 'Enhedstypen skal være skole eller institution.' })
export const roleSchema = z.enum(['leader', 'area_chief', 'directorate', 'economics'], { error: 'Ukendt rolle.' })
export const actionStatusSchema = z.enum(['planned', 'in_progress', 'done', 'dropped'], { error: 'Ukendt status.' })

export const periodSchema = z.object({ year: yearSchema, month: monthSchema })
