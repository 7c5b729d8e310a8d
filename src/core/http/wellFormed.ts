// Which text the database can store and a record may hold: PostgreSQL refuses a NUL byte in text
// and jsonb (the request then failed as a 500), and a lone surrogate is not Unicode at all (the
// driver silently turns it into U+FFFD). Keys named __proto__ or constructor.prototype are
// refused too: a later Object.assign or merge of such a key would change an object's prototype.

// In a /u regex a well-formed surrogate pair is one code point (not Cs), so \p{Cs} matches only a
// lone surrogate.
// eslint-disable-next-line no-control-regex -- NUL is exactly the character looked for
const FORBIDDEN_CHARACTER = /[\u0000\p{Cs}]/u

export type IllFormedKind = 'nul' | 'surrogate' | 'forbiddenKey'

/** What is wrong and where: `path` is dotted (`mutations.0.fields.body`), '' for the value itself. */
export interface IllFormed {
  path: string
  kind: IllFormedKind
  /** True when the character sits in a key (the field's name) rather than in its value. */
  inKey: boolean
}

export function forbiddenCharacter(text: string): 'nul' | 'surrogate' | null {
  const found = FORBIDDEN_CHARACTER.exec(text)
  if (!found) return null
  return found[0] === '\u0000' ? 'nul' : 'surrogate'
}

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)

function isForbiddenKey(key: string, value: unknown): boolean {
  if (key === '__proto__') return true
  return key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype')
}

/**
 * The first string (value or key) in a JSON-like value that cannot be stored, or a forbidden key.
 * Iterative, so a hostile body nested thousands deep cannot overflow the stack.
 */
export function findIllFormed(root: unknown, options: { forbidKeys?: boolean; keysOnly?: boolean } = {}): IllFormed | null {
  const stack: Array<[unknown, string]> = [[root, '']]
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      if (options.keysOnly) continue
      const kind = forbiddenCharacter(value)
      if (kind) return { path, kind, inKey: false }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(path, i)])
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value)
      for (const [key, child] of entries) {
        const kind = options.keysOnly ? null : forbiddenCharacter(key)
        if (kind) return { path, kind, inKey: true }
        if (options.forbidKeys && isForbiddenKey(key, child)) {
          return { path: key === '__proto__' ? join(path, key) : join(join(path, key), 'prototype'), kind: 'forbiddenKey', inKey: true }
        }
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], join(path, entries[i]![0])])
    }
  }
  return null
}
