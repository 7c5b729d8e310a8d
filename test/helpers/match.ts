// vitest types its asymmetric matchers `any`, so that they fit any slot of an expected value; that
// `any` would hide a real one from type-aware lint. The same matchers, typed `unknown`.
import { expect } from 'vitest'

/** A string matching the pattern (expect.stringMatching). */
export const textMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern)

/** Any value made by the constructor, e.g. any String (expect.any). */
export const anyOf = (type: unknown): unknown => expect.any(type)
