// Field values as the sync compares them: normalised the way the database stores them (so a value
// sent by a device and the same value read back are equal), and compared structurally (so equal
// values never make a conflict, whatever the key order of a JSON object).
import type { FieldKind } from './fieldKinds'

/** The stored form of a value: timestamps as ISO 8601 in UTC with milliseconds, amounts to øre. */
export function normaliseValue(kind: FieldKind, value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (kind === 'timestamp' && typeof value === 'string') {
    const time = new Date(value)
    return Number.isNaN(time.getTime()) ? value : time.toISOString()
  }
  if (kind === 'amount' && typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 100) / 100
  return value
}

/** Deep, key-order-independent equality of JSON-like values; undefined counts as null. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a
  const y = b === undefined ? null : b
  if (x === y) return true
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false
  if (Array.isArray(x) !== Array.isArray(y)) return false
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((item, i) => valuesEqual(item, y[i]))
  }
  const xo = x as Record<string, unknown>
  const yo = y as Record<string, unknown>
  const keys = new Set([...Object.keys(xo), ...Object.keys(yo)])
  for (const key of keys) if (!valuesEqual(xo[key], yo[key])) return false
  return true
}
