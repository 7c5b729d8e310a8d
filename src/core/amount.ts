// Reads an amount of kroner as a Danish leader types it: "12.400.000", "12400000", "12 400 000",
// "12.400.000,50", "12,4 mio.", "kr. 845.000". A dot groups thousands and a comma marks decimals (the
// Danish way); a dot that cannot be a thousands separator ("12.4") is refused rather than guessed,
// because guessing wrong by a factor of a thousand is worse than asking.

export type AmountError = 'empty' | 'invalid' | 'grouping' | 'decimals'
export type AmountParse = { ok: true; value: number } | { ok: false; error: AmountError }

const MILLION = /\s*(mio\.?|mill?\.?|millioner|million)$/
const CURRENCY_BEFORE = /^(kr\.?|dkk)\s*/
const CURRENCY_AFTER = /\s*(kr\.?|dkk|,-)$/

export function parseAmount(input: string): AmountParse {
  // Spaces of every kind (also the no-break space that Intl writes) only group digits.
  let text = input
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
  if (text === '') return { ok: false, error: 'empty' }
  text = text.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '').trim()
  let factor = 1
  if (MILLION.test(text)) {
    factor = 1_000_000
    text = text.replace(MILLION, '').trim()
  }
  let sign = 1
  if (/^[-−–]/.test(text)) {
    sign = -1
    text = text.slice(1).trim()
  }
  if (!/^[\d., ]+$/.test(text) || !/\d/.test(text)) return { ok: false, error: 'invalid' }

  const [whole = '', ...rest] = text.split(',')
  if (rest.length > 1) return { ok: false, error: 'invalid' }
  const decimals = rest[0]?.trim() ?? null
  if (decimals !== null && !/^\d+$/.test(decimals)) return { ok: false, error: 'invalid' }
  // Øre is the finest unit; millions may carry more decimals ("12,45 mio.").
  if (decimals !== null && factor === 1 && decimals.length > 2) return { ok: false, error: 'decimals' }

  const grouped = whole.trim()
  if (!/^\d{1,3}([. ]\d{3})*$/.test(grouped) && !/^\d+$/.test(grouped)) {
    return { ok: false, error: grouped.includes('.') ? 'grouping' : 'invalid' }
  }
  const digits = grouped.replace(/[. ]/g, '')
  const value = Number(`${digits}.${decimals ?? '0'}`) * factor
  if (!Number.isFinite(value)) return { ok: false, error: 'invalid' }
  return { ok: true, value: (sign * Math.round(value * 100)) / 100 }
}

/** An amount as the leader would type it back: "12.400.000" (whole kroner, or with ",50"). */
export function amountInputText(value: number): string {
  const fixed = Math.abs(value).toFixed(2)
  const [whole = '0', dec = '00'] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${value < 0 ? '-' : ''}${grouped}${dec === '00' ? '' : `,${dec}`}`
}
