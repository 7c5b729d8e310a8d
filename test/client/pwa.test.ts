import { describe, expect, it } from 'vitest'
import { isIosSafariBrowser } from '../../src/client/pwa/installHint'
import { safeNext } from '../../src/client/router'

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const IPHONE_CHROME = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0 Mobile/15E148 Safari/604.1'
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Mobile Safari/537.36'

function env(userAgent: string, opts: { standalone?: boolean; displayStandalone?: boolean; platform?: string; touch?: number } = {}) {
  const nav = { userAgent, platform: opts.platform ?? 'iPhone', maxTouchPoints: opts.touch ?? 5, standalone: opts.standalone } as unknown as Navigator
  const win = { matchMedia: () => ({ matches: opts.displayStandalone ?? false }) } as unknown as Window
  return [nav, win] as const
}

describe('iOS install hint', () => {
  it('shows in iOS Safari, not in the installed app', () => {
    expect(isIosSafariBrowser(...env(IPHONE_SAFARI))).toBe(true)
    expect(isIosSafariBrowser(...env(IPHONE_SAFARI, { standalone: true }))).toBe(false)
    expect(isIosSafariBrowser(...env(IPHONE_SAFARI, { displayStandalone: true }))).toBe(false)
  })
  it('recognises an iPad that claims to be a Mac', () => {
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'
    expect(isIosSafariBrowser(...env(mac, { platform: 'MacIntel', touch: 5 }))).toBe(true)
    expect(isIosSafariBrowser(...env(mac, { platform: 'MacIntel', touch: 0 }))).toBe(false)
  })
  it('stays away from other browsers', () => {
    expect(isIosSafariBrowser(...env(IPHONE_CHROME))).toBe(false)
    expect(isIosSafariBrowser(...env(ANDROID, { platform: 'Linux armv8l' }))).toBe(false)
  })
})

describe('safeNext', () => {
  it.each([
    ['/enhed/u1', '/enhed/u1'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected)
  })
})
