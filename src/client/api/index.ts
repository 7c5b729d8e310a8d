// Endpoints of the HTTP API (their shapes: types.ts, from src/core/http). Stores call these; components never do.
import { getJson, postJson } from './http'
import type { DemoAccount, LoginResponse, Me, SessionResponse, UnitDetail, UnitsResponse } from './types'

export { classifyError, type ErrorKind } from './errors'
export type { DemoAccount, DialogueHistory, Me, UnitDetail, UnitSummary, UnitsResponse } from './types'

export const api = {
  login: (email: string, password: string) => postJson<LoginResponse>('/api/auth/login', { email, password }),
  logout: () => postJson<never>('/api/auth/logout'),
  me: () => getJson<Me>('/api/me'),
  session: () => getJson<SessionResponse>('/api/session'),
  units: () => getJson<UnitsResponse>('/api/units'),
  unit: (unitId: string) => getJson<UnitDetail>(`/api/units/${encodeURIComponent(unitId)}`),
  demoAccounts: () => getJson<DemoAccount[]>('/api/demo/accounts'),
}
