// vue-i18n in composition mode with messages precompiled by @intlify/unplugin-vue-i18n (see
// vite.config.ts): the runtime has no message compiler, so the CSP needs no 'unsafe-eval'.
// The first screen's Danish texts ship with the entry chunk; the other screens' texts are one chunk
// more (parts.ts), merged in when the first of those screens or components loads (withLaterTexts).
// English is fetched when chosen, in the parts the app has needed so far.
import { createI18n } from 'vue-i18n'
import daFirst from 'virtual:texts/da/first'
import type da from './locales/da.json'
import type { Messages, TextPart } from './parts'
import type { AppLocale } from '../shared/format'

export type MessageSchema = typeof da

const STORAGE_KEY = 'mls-locale'

export const i18n = createI18n<
  false,
  { legacy: false; locale: AppLocale; fallbackLocale: AppLocale; messages: Record<AppLocale, MessageSchema>; missingWarn: boolean; fallbackWarn: boolean }
>({
  legacy: false,
  locale: 'da',
  fallbackLocale: 'da',
  // The first part as it was built; later parts are merged into copies (addMessages), so no part
  // imported is ever changed. Handed over whole rather than merged in key by key, which on a slow
  // phone lengthened the entry chunk's evaluation by several ms.
  messages: { da: daFirst } as unknown as Record<AppLocale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
})

const PARTS: Record<AppLocale, Record<TextPart, () => Promise<{ default: Messages }>>> = {
  da: { first: () => Promise.resolve({ default: daFirst }), later: () => import('virtual:texts/da/later') },
  en: { first: () => import('virtual:texts/en/first'), later: () => import('virtual:texts/en/later') },
}

/** The parts the app has needed so far: a change of language brings all of them in the new one. */
const wanted = new Set<TextPart>(['first'])
const loading = new Map<string, Promise<void>>([['da/first', Promise.resolve()]])

function ensureTexts(locale: AppLocale, part: TextPart): Promise<void> {
  const key = `${locale}/${part}`
  let done = loading.get(key)
  if (!done) {
    // The merge is a chunk of its own too (merge.ts): only a later part or another language needs it.
    done = Promise.all([PARTS[locale][part](), import('./merge')]).then(([m, { addMessages }]) => addMessages(i18n.global, locale, m.default))
    // A failed chunk (offline, before the service worker has it) is asked for again next time.
    done.catch(() => loading.delete(key))
    loading.set(key, done)
  }
  return done
}

/** The texts of every screen after the first, in the current language. */
export function loadLaterTexts(): Promise<void> {
  wanted.add('later')
  return ensureTexts(currentLocale(), 'later')
}

/**
 * A lazy screen's or component's loader that brings the later texts too, in parallel with its own
 * chunk, so it never shows before its texts.
 */
export function withLaterTexts<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadLaterTexts()]).then(([loaded]) => loaded)
}

function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export async function setLocale(locale: AppLocale): Promise<void> {
  await Promise.all([...wanted].map((part) => ensureTexts(locale, part)))
  i18n.global.locale.value = locale
  // The lang attribute follows the language so screen readers pronounce it right.
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode: the choice simply is not remembered.
  }
}

export function storedLocale(): AppLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da'
  } catch {
    return 'da'
  }
}
