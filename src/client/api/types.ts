// The shapes of the HTTP API as the client reads them: inferred from the zod schemas in
// src/core/http that the server answers with, so the two cannot drift apart. Type-only imports:
// the client does not build or run these schemas at load.
import type { z } from 'zod'
import type { loginResponseSchema, meSchema, sessionResponseSchema } from '../../core/http/auth'
import type { dialogueHistorySchema, reopenResponseSchema } from '../../core/http/dialogues'
import type { demoAccountsSchema } from '../../core/http/system'
import type { unitDetailSchema, unitListSchema, unitSummarySchema } from '../../core/http/units'

export type Me = z.infer<typeof meSchema>
export type LoginResponse = z.infer<typeof loginResponseSchema>
export type SessionResponse = z.infer<typeof sessionResponseSchema>
export type UnitSummary = z.infer<typeof unitSummarySchema>
export type UnitsResponse = z.infer<typeof unitListSchema>
export type UnitDetail = z.infer<typeof unitDetailSchema>
export type DemoAccount = z.infer<typeof demoAccountsSchema>[number]
export type DialogueHistory = z.infer<typeof dialogueHistorySchema>
export type ReopenResponse = z.infer<typeof reopenResponseSchema>
export type {
  ImportRequest,
  ImportProgress,
  ImportPreview,
  ImportResult,
  ImportRefusal,
  ImportIssueShape as ImportIssue,
  ImportLog,
  ImportLogEntry,
  ExampleFileList,
} from '../../core/http/imports'
export type { RuleSetEntry, RuleSetList, SettingsEntry, SettingsList } from '../../core/http/config'
export type { RuleSetInput } from '../../core/config/ruleSetChange'
export type { PeopleList, PersonEntry, ResetLink } from '../../core/http/people'
export type { PersonInput } from '../../core/config/people'
