// The current language's Texts for reasons.ts and format.ts, from vue-i18n's composer.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AppLocale } from './format'
import type { Texts } from '../features/lights/reasons'

export function useTexts() {
  const { t, locale } = useI18n()
  const texts = computed<Texts>(() => ({
    locale: locale.value as AppLocale,
    t: (key, named) => (named ? t(key, named) : t(key)),
    tn: (key, n, named) => t(key, { n, ...named }, n),
  }))
  return { t, locale: computed(() => locale.value as AppLocale), texts }
}
