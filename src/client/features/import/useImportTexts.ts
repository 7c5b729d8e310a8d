// The import screens' texts and numbers. Counts and whole kroner are grouped as the language writes
// them ("24.000") by vue-i18n's own cached Intl formatter: shared/format.ts is first-screen code,
// where a formatter only these screens use would count against the first screen's 90 KiB budget.
import { useI18n } from 'vue-i18n'
import { useTexts } from '../../shared/useTexts'

export type CountFormat = (value: number) => string

export function useImportTexts() {
  const { n } = useI18n()
  const count: CountFormat = (value) => n(Math.round(value))
  return { ...useTexts(), count }
}
