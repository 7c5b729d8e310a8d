import { describe, expect, it } from 'vitest'
import { findIllFormed, forbiddenCharacter } from '../../src/core/http/wellFormed'

describe('forbiddenCharacter', () => {
  it.each([
    ['plain Danish text', 'Børnehuset Ærtebjerg', null],
    ['an emoji (a well-formed surrogate pair)', 'godt 😀', null],
    ['a NUL byte', 'a\u0000b', 'nul'],
    ['a lone high surrogate', 'x\ud83d', 'surrogate'],
    ['a lone low surrogate', '\ude00x', 'surrogate'],
    ['a pair written backwards', '\ude00\ud83d', 'surrogate'],
  ] as const)('%s', (_name, text, expected) => {
    expect(forbiddenCharacter(text)).toBe(expected)
  })
})

describe('findIllFormed', () => {
  it('names the dotted path of a bad value, in arrays and objects', () => {
    expect(findIllFormed({ mutations: [{ fields: { body: 'ok' } }, { fields: { body: 'a\u0000' } }] })).toEqual({
      path: 'mutations.1.fields.body',
      kind: 'nul',
      inKey: false,
    })
    expect(findIllFormed('\ud800')).toEqual({ path: '', kind: 'surrogate', inKey: false })
  })

  it('names the object whose key is bad', () => {
    expect(findIllFormed({ fields: { 'a\u0000': 1 } })).toEqual({ path: 'fields', kind: 'nul', inKey: true })
  })

  it('reports the first problem in document order', () => {
    expect(findIllFormed({ a: 'x\u0000', b: 'y\u0000' })?.path).toBe('a')
    expect(findIllFormed([['\u0000'], '\u0000'])?.path).toBe('0.0')
  })

  it('refuses __proto__ and constructor.prototype keys only when asked, and only those', () => {
    const poisoned = JSON.parse('{"a":{"__proto__":{"admin":true}}}') as unknown
    expect(findIllFormed(poisoned)).toBeNull()
    expect(findIllFormed(poisoned, { forbidKeys: true })).toEqual({ path: 'a.__proto__', kind: 'forbiddenKey', inKey: true })
    const ctor = JSON.parse('{"constructor":{"prototype":{}}}') as unknown
    expect(findIllFormed(ctor, { forbidKeys: true })?.path).toBe('constructor.prototype')
    expect(findIllFormed({ constructor: 'a word', note: 'prototype' }, { forbidKeys: true })).toBeNull()
  })

  it('walks a value nested far deeper than the call stack would allow', () => {
    let deep: unknown = 'bund\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(findIllFormed(deep)?.kind).toBe('nul')
  })

  it('accepts numbers, booleans, null and well-formed text', () => {
    expect(findIllFormed({ n: 1, b: true, z: null, t: 'æøå 😀', list: [1, 'to'] })).toBeNull()
  })
})
