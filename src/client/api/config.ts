// The municipality's configuration (its contract: src/core/http/config.ts), for the economics team:
// the rule sets, and a new one. A module of its own, so only the configuration screen's chunk has it.
import { getJson, postJson } from './http'
import type { RuleSetEntry, RuleSetInput, RuleSetList } from './types'

export const configApi = {
  ruleSets: () => getJson<RuleSetList>('/api/config/rule-sets'),
  /** 201 with the set as stored; a refused set is an ApiError 422 whose fields say where (classifyError). */
  createRuleSet: async (input: RuleSetInput) => (await postJson<RuleSetEntry>('/api/config/rule-sets', input)) as RuleSetEntry,
}
