// The economics team's screens share the route named 'import' (router.ts): /import, /import/historik
// the rule sets at /import/maaltal, people and roles at /import/personer, and the municipality's
// settings at /import/kommune.
import type { RouteLocationRaw } from 'vue-router'

export const IMPORT_ROUTE: RouteLocationRaw = { name: 'import' }
export const IMPORT_HISTORY_ROUTE: RouteLocationRaw = { name: 'import', params: { page: 'historik' } }
export const RULE_SETS_ROUTE: RouteLocationRaw = { name: 'import', params: { page: 'maaltal' } }
export const PEOPLE_ROUTE: RouteLocationRaw = { name: 'import', params: { page: 'personer' } }
export const SETTINGS_ROUTE: RouteLocationRaw = { name: 'import', params: { page: 'kommune' } }
