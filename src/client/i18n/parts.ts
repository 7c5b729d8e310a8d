// Which texts ship with the first screen, and the split of a language's messages into that part and
// the rest. The first screen is the sign-in page and the leader's home (the header, the offline
// notice, the unit and its four lights): its texts are in the entry chunk. Every other screen's
// texts are one lazy chunk that loads with the first of those screens (i18n/index.ts). The split
// runs at build time (vite.config.ts, `virtual:texts/<locale>/<part>`), on the one da.json and
// en.json that people edit, and @intlify/unplugin-vue-i18n precompiles both parts.

/** A whole namespace ('home') or one message in it ('steps.start'). */
export const FIRST_SCREEN_TEXTS = [
  'app',
  'login',
  'roles',
  'home',
  'colour',
  'indicator',
  'reason',
  'hint',
  'offline',
  // The home's links and buttons into later screens, and its "no such unit".
  'detail.notFound',
  'forecastEntry.link',
  'notes.link',
  'steps.start',
  'steps.continue',
  'steps.withIndicator',
] as const

export type TextPart = 'first' | 'later'

export interface Messages {
  [key: string]: string | Messages
}

/** The messages at the given paths (`first`) and all the others (`later`); together they are the whole. */
export function splitMessages(messages: Messages, firstPaths: readonly string[]): Record<TextPart, Messages> {
  const first: Messages = {}
  const later: Messages = structuredClone(messages)
  for (const path of firstPaths) {
    const keys = path.split('.')
    const last = keys.pop()!
    let from: Messages | undefined = later
    let to = first
    for (const key of keys) {
      const next: string | Messages | undefined = from?.[key]
      from = typeof next === 'object' ? next : undefined
      to = (to[key] ??= {}) as Messages
    }
    if (!from || !(last in from)) throw new Error(`FIRST_SCREEN_TEXTS: no message "${path}"`)
    to[last] = from[last]!
    delete from[last]
  }
  return { first, later: withoutEmpty(later) }
}

/** Drops the namespaces that the first part took whole. */
function withoutEmpty(messages: Messages): Messages {
  const out: Messages = {}
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out[key] = value
    else if (Object.keys(value).length > 0) out[key] = withoutEmpty(value)
  }
  return out
}
