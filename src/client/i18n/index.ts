// vue-i18n in composition mode with messages precompiled by @intlify/unplugin-vue-i18n (see
// vite.config.ts): the runtime has no message compiler, so the CSP needs no 'unsafe-eval'.
// Danish ships with the first screen; English is fetched when chosen.
import { createI18n } from 'vue-i18n'
import da from './locales/da.json'
import type { AppLocale } from '../shared/format'

export type MessageSchema = typeof da

const STORAGE_KEY = 'mls-locale'

export const i18n = createI18n<false, { legacy: false; locale: AppLocale; fallbackLocale: AppLocale; messages: Record<AppLocale, MessageSchema>; missingWarn: boolean; fallbackWarn: boolean }>({
  legacy: false,
  locale: 'da',
  fallbackLocale: 'da',
  // English is added by setLocale when chosen.
  messages: { da } as Record<AppLocale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
})

const loaded = new Set<AppLocale>(['da'])

async function ensureMessages(locale: AppLocale): Promise<void> {
  if (loaded.has(locale)) return
  const messages = (await import('./locales/en.json')).default
  i18n.global.setLocaleMessage(locale, messages)
  loaded.add(locale)
}

export async function setLocale(locale: AppLocale): Promise<void> {
  await ensureMessages(locale)
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
