// The indicators' Danish names for what core writes itself (the calendar file's agenda). The same
// names as the app's texts (src/client/i18n/locales/da.json, "indicator"); a test holds them equal.
import type { IndicatorKey } from '../types'

export const INDICATOR_NAMES_DA: Readonly<Record<IndicatorKey, string>> = {
  budget: 'Budgetoverholdelse',
  actionPlan: 'Handleplan',
  forecast: 'Korrekt estimering i prognoser',
  balance: 'Afstemte balancekonti',
}
