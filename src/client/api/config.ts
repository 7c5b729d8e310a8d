// The municipality's configuration (its contracts: src/core/http/config.ts and people.ts), for the
// economics team: the rule sets, people with their roles, and the municipality's settings. A module of its own, so only the
// configuration screens' chunk has it. A refusal is an ApiError 422 whose fields say where (classifyError).
import { getJson, postJson, requestJson } from './http'
import type { SettingsInput } from '../../core/config/settings'
import type { PeopleList, PersonEntry, PersonInput, ResetLink, RuleSetEntry, RuleSetInput, RuleSetList, SettingsEntry, SettingsList } from './types'

/** The answer of a route that always has a body (never 204). */
async function answered<T>(request: Promise<T | null>): Promise<T> {
  return (await request) as T
}

export const configApi = {
  ruleSets: () => getJson<RuleSetList>('/api/config/rule-sets'),
  createRuleSet: (input: RuleSetInput) => answered(postJson<RuleSetEntry>('/api/config/rule-sets', input)),
  people: () => getJson<PeopleList>('/api/config/people'),
  createPerson: (input: PersonInput) => answered(postJson<PersonEntry>('/api/config/people', input)),
  updatePerson: (id: string, input: PersonInput) => answered(requestJson<PersonEntry>('PUT', `/api/config/people/${encodeURIComponent(id)}`, { body: input })),
  setActive: (id: string, active: boolean) =>
    answered(postJson<PersonEntry>(`/api/config/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`)),
  settings: () => getJson<SettingsList>('/api/config/settings'),
  createSettings: (input: SettingsInput) => answered(postJson<SettingsEntry>('/api/config/settings', input)),
  resetLink: (id: string) => answered(postJson<ResetLink>(`/api/config/people/${encodeURIComponent(id)}/reset-link`)),
}
