// Password hashing with argon2id (OWASP's current advice). The parameters are @node-rs/argon2's
// defaults for argon2id (19 MiB, 2 passes), which OWASP lists as a minimum.
import { hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolatedModules cannot read.
const ARGON2ID = 2

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

let dummyHash: Promise<string> | null = null

/**
 * Checks a password against a stored hash. Without a hash (unknown e-mail, or a person who signs
 * in another way) it still spends the time of a verification against a dummy hash, so the answer
 * time does not reveal which e-mails exist.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('dummy-password-that-never-matches')
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  try {
    return await verify(storedHash, password)
  } catch {
    return false // a malformed stored hash is a failed login, not a 500
  }
}
