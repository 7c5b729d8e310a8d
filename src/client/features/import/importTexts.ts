// How the import's screens say what the server found: a file's encoding and separator, a field's
// name, and a preview cell in Danish formats (amounts in whole kroner, shares in per cent, dates).
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../../../core/import/fields'
import { formatPercent, formatPeriod, formatShortDate, type AppLocale } from '../../shared/format'
import type { ImportResult } from '../../api/types'
import type { CountFormat } from './useImportTexts'

/** "Windows-1252" / "UTF-8" as people know them, whatever spelling the decoder used ("utf-8-bom", "win1252"). */
export function encodingName(encoding: string | null): string | null {
  if (encoding === null) return null
  const plain = encoding.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (plain.includes('1252')) return 'Windows-1252'
  if (plain.startsWith('utf8')) return 'UTF-8'
  if (plain.startsWith('utf16')) return 'UTF-16'
  return encoding
}

const DELIMITER_KEYS: Readonly<Record<string, string>> = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' }

/** The text key naming a separator, or null for one without a name (shown as it is). */
export function delimiterKey(delimiter: string): string | null {
  return DELIMITER_KEYS[delimiter] ?? null
}

/** The name the screens give a field: its header in our own example files; an unknown key as it is. */
export function fieldName(kind: ImportKind, key: string): string {
  return IMPORT_FIELDS[kind].find((f) => f.key === key)?.header ?? key
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const UNIT_TYPE_WORDS: Readonly<Record<AppLocale, Readonly<Record<string, string>>>> = {
  da: { school: 'Skole', daycare: 'Dagtilbud' },
  en: { school: 'School', daycare: 'Daycare' },
}
const ISO_MONTH = /^(\d{4})-(\d{2})$/

/** A row's own key beyond its unit as people read it: a month in words ("oktober 2026"), else as it is. */
export function formatLabel(label: string, locale: AppLocale): string {
  const month = ISO_MONTH.exec(label)
  return month ? formatPeriod({ year: Number(month[1]), month: Number(month[2]) }, locale) : label
}

/** A preview cell: amounts in whole kroner with grouping ("1.234.568"), shares in per cent, ISO dates and months in words. */
export function formatCell(field: ImportField, value: string | number | null | undefined, locale: AppLocale, count: CountFormat): string {
  if (value === null || value === undefined || value === '') return '–'
  if (typeof value === 'number') {
    if (field.type === 'amount') return count(value)
    if (field.type === 'share' || field.type === 'signedShare') return formatPercent(value, locale)
    return String(value)
  }
  if (field.type === 'date' && ISO_DATE.test(value)) return formatShortDate(value, locale)
  if (field.type === 'unitType') return UNIT_TYPE_WORDS[locale][value] ?? value
  return field.type === 'period' ? formatLabel(value, locale) : value
}

/** "12 nye, 3 ændrede, 40 uændrede, 0 fjernede": a preview's, an import's and the history's counts alike. */
export function countsText(counts: ImportResult['counts'], t: (key: string, named: Record<string, unknown>) => string, count: CountFormat): string {
  return t('imports.preview.counts', {
    new: count(counts.new),
    changed: count(counts.changed),
    unchanged: count(counts.unchanged),
    removed: count(counts.removed),
  })
}
