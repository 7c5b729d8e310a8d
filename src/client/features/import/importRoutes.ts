// The import's two screens share the route named 'import' (router.ts): /import, and /import/historik.
import type { RouteLocationRaw } from 'vue-router'

export const IMPORT_ROUTE: RouteLocationRaw = { name: 'import' }
export const IMPORT_HISTORY_ROUTE: RouteLocationRaw = { name: 'import', params: { page: 'historik' } }
