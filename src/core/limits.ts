// The limits of every value a person writes, named once. The database stores money as
// numeric(14,2) and text as UTF-8 without NUL, so a value beyond these is refused where it is typed
// (and again by the server) with a message that says why — never sent to be retried for ever.
// The lengths are generous for what the field is for, and small enough that a pull of many records
// stays a modest answer.

/** |amount| < 10^12 kroner: numeric(14,2) holds 12 digits before the decimal point. */
export const AMOUNT_LIMIT = 1_000_000_000_000

/** Ids are made by devices (uuids) and the seed (`forecast-unit-001-2025-03`). */
export const MAX_ID_LENGTH = 100
/** Letters a–z, digits and - _ . : — safe in a URL, a log line and a file name. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/

/** A name, a title, an owner, one cause or one agenda point: one line. */
export const MAX_TITLE_LENGTH = 200
/** A short reason: why a forecast moved, why an action was dropped. */
export const MAX_REASON_LENGTH = 2_000
/** A note, an explanation's text, the leader's questions for the dialogue. */
export const MAX_NOTE_LENGTH = 4_000
/** The minutes of a dialogue: the longest text a person writes here. */
export const MAX_MINUTES_LENGTH = 10_000
/** Causes of an explanation, points of an agenda. */
export const MAX_LIST_ITEMS = 50
/** An e-mail address (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254

// Whitespace and the zero-width characters a phone keyboard or a paste can leave behind: a text of
// only these looks empty to the person, so it counts as empty.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu

/** True when nothing visible is left after removing whitespace and zero-width characters. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === ''
}

// PostgreSQL cannot store a NUL in text (nor \u0000 in jsonb), and a lone surrogate is no character
// at all: it cannot be encoded as UTF-8 and would be stored as U+FFFD, or refused in jsonb.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when the text holds a NUL or a lone surrogate. */
export function hasUnstorableCharacter(text: string): boolean {
  return UNSTORABLE.test(text)
}

/** 10000 → "10.000", as Danish messages write numbers (no Intl: core is loaded before the formatters). */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}
