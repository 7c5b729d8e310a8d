// The safety net under the shared schemas: a value PostgreSQL cannot store fails with a data
// exception (SQLSTATE class 22 — 22003 numeric out of range, 22021 a NUL byte in text, 22P05 a NUL
// or lone surrogate in jsonb, 22007/22008 a date out of range) or 54001 (JSON nested too deep). The
// same value fails the same way on every retry, so it is a lasting 'invalid' refusal the person can
// see and fix or discard — not an 'error' the device would resend for ever. The schemas refuse all
// of these first; this catches what a schema may miss.
import { AMOUNT_LIMIT, hasUnstorableCharacter } from '../../core/limits'
import type { Mutation, PushResult } from '../../core/sync/protocol'
import { fieldLabel } from '../../core/sync/tables'

const TOO_DEEP = '54001'
/** Deeper than any record here nests (an agenda point in a list is depth 2). */
const MAX_DEPTH = 32
const INT_MAX = 2 ** 31 - 1

function sqlState(err: unknown): string | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : null
}

/** True for an error the stored value itself causes, whatever the database's state. */
function isDataException(code: string): boolean {
  return code.startsWith('22') || code === TOO_DEEP
}

/** True when a value (or anything inside it) cannot be stored: too big, bad characters, too deep. */
function unstorable(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true
  if (typeof value === 'string') return hasUnstorableCharacter(value)
  if (typeof value === 'number') {
    return !(Math.abs(Math.round(value * 100)) < AMOUNT_LIMIT * 100) || (Number.isInteger(value) && Math.abs(value) > INT_MAX)
  }
  if (Array.isArray(value)) return value.some((item) => unstorable(item, depth + 1))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => hasUnstorableCharacter(key) || unstorable(item, depth + 1))
  }
  return false
}

/** The field that holds the value the database refused, when it can be told. */
function culprit(m: Mutation): string | null {
  const candidates: Array<[string, unknown]> = [['id', m.recordId], ['scopeId', m.scopeId], ...Object.entries(m.fields)]
  return candidates.find(([, value]) => unstorable(value))?.[0] ?? null
}

function why(code: string): string {
  if (code === '22003') return 'tallet er for stort'
  if (code === '22021' || code === '22P05') return 'den indeholder et tegn, der ikke kan gemmes, fx et nul-tegn'
  if (code === TOO_DEEP) return 'den er indlejret for dybt'
  return 'den er ugyldig'
}

/** The lasting refusal of a mutation the database could not store, or null for any other failure. */
export function dataExceptionRefusal(err: unknown, m: Mutation): PushResult | null {
  const code = sqlState(err)
  if (code === null || !isDataException(code)) return null
  const field = culprit(m)
  const message = field
    ? `${fieldLabel(field)}: værdien kan ikke gemmes (${why(code)}). Ret den, eller kassér ændringen.`
    : `Ændringen indeholder en værdi, der ikke kan gemmes (${why(code)}). Ret den, eller kassér ændringen.`
  // The field, when it is one the person wrote (not the id or scope the device made): the form shows the message beside it.
  return field !== null && Object.hasOwn(m.fields, field)
    ? { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message, field }
    : { mutationId: m.mutationId, status: 'rejected', reason: 'invalid', message }
}
